using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CitizenParticipation.Core.Markdown;

public enum MarkdownProblem
{
    None,
    TooDeep,
    TooManyMarks,
}

/// <summary>
/// The bounds within which user Markdown is formatted. Markdig refuses elements nested deeper than 128
/// (it throws), and its inline parsing takes time that grows with the square of the formatting marks in
/// one paragraph (9,990 "*a" take about a second); a text outside these bounds is refused when written
/// and shown as plain text if it was stored anyway.
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Block quotes and lists inside each other; real texts use three or four.</summary>
    public const int MaxDepth = 16;

    /// <summary>
    /// Formatting marks in one paragraph (text between blank lines): runs of * _ ^, runs of two or more
    /// = or +, [, runs of `, and the starts of web addresses. At this bound the worst paragraph takes a few
    /// milliseconds, and a whole text of 20,000 characters stays under a tenth of a second (bench/markdown.sh).
    /// </summary>
    public const int MaxMarksPerParagraph = 400;

    /// <summary>
    /// Formatting inside formatting (emphasis in a link in emphasis …). Brackets that are never closed nest
    /// everything after them, and Markdig's renderer throws past 128 levels of blocks and inlines together.
    /// </summary>
    public const int MaxInlineDepth = 32;

    public const string TooDeepMessage = "The text nests quotes or lists more than 16 levels deep. Use fewer levels.";
    public const string TooManyMarksMessage = "A paragraph of the text has too many formatting marks (such as *, _, ` or [). Split it into shorter paragraphs or use fewer marks.";

    // No subscript or strikethrough by tilde: Korean writes ranges with it ("송도~부평~서울", "19~24세").
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Superscript | EmphasisExtraOptions.Inserted | EmphasisExtraOptions.Marked)
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static MarkdownProblem Check(string? markdown) => TryParse(markdown, out _);

    /// <summary>The English message that refuses the text, or null when the text is within the bounds.</summary>
    public static string? Refusal(string? markdown) => Check(markdown) is var problem && problem != MarkdownProblem.None ? Message(problem) : null;

    /// <summary>The English source text of the message for a problem; localise it with <c>T[...]</c>.</summary>
    public static string Message(MarkdownProblem problem) => problem switch
    {
        MarkdownProblem.TooDeep => TooDeepMessage,
        MarkdownProblem.TooManyMarks => TooManyMarksMessage,
        _ => "",
    };

    /// <summary>Parses the text when it is within the bounds; the document is null otherwise.</summary>
    internal static MarkdownProblem TryParse(string? markdown, out MarkdownDocument? document)
    {
        document = null;
        var text = markdown ?? "";
        var problem = Scan(text);
        if (problem != MarkdownProblem.None)
        {
            return problem;
        }

        try
        {
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InsufficientExecutionStackException)
        {
            // Markdig's own depth limit (nested brackets, say), reached below our per-line count.
            return MarkdownProblem.TooDeep;
        }

        problem = Depth(document) > MaxDepth ? MarkdownProblem.TooDeep
            : InlineDepth(document) > MaxInlineDepth ? MarkdownProblem.TooManyMarks
            : MarkdownProblem.None;
        if (problem != MarkdownProblem.None)
        {
            document = null;
        }

        return problem;
    }

    /// <summary>
    /// One pass over the text before Markdig sees it, so that parsing never starts on input that would take
    /// long: the containers opened at the start of each line, and the formatting marks of each paragraph.
    /// Both counts can only be higher than what Markdig builds, never lower.
    /// </summary>
    private static MarkdownProblem Scan(string text)
    {
        var marks = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range);
            if (line.IsWhiteSpace())
            {
                marks = 0;
                continue;
            }

            if (LineDepth(line) > MaxDepth)
            {
                return MarkdownProblem.TooDeep;
            }

            marks += Marks(line);
            if (marks > MaxMarksPerParagraph)
            {
                return MarkdownProblem.TooManyMarks;
            }
        }

        return MarkdownProblem.None;
    }

    /// <summary>Block quote markers and list markers at the start of a line ("> > - 1. text" opens four), counted up to one past the limit.</summary>
    private static int LineDepth(ReadOnlySpan<char> line)
    {
        var depth = 0;
        var i = 0;
        while (depth <= MaxDepth)
        {
            while (i < line.Length && IsBlank(line[i]))
            {
                i++;
            }

            if (i >= line.Length || IsThematicBreak(line[i..]))
            {
                return depth;
            }

            if (line[i] == '>')
            {
                i++;
            }
            else if (line[i] is '-' or '+' or '*' && (i + 1 == line.Length || IsBlank(line[i + 1])))
            {
                i++;
            }
            else if (OrderedMarkerLength(line[i..]) is > 0 and var length)
            {
                i += length;
            }
            else
            {
                return depth;
            }

            depth++;
        }

        return depth;
    }

    private static int OrderedMarkerLength(ReadOnlySpan<char> rest)
    {
        var digits = 0;
        while (digits < rest.Length && digits < 10 && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        var end = digits + 1;
        return digits is > 0 and <= 9 && end <= rest.Length && rest[digits] is '.' or ')' && (end == rest.Length || IsBlank(rest[end]))
            ? end
            : 0;
    }

    /// <summary>"- - -" and "* * *" are a horizontal rule, not three lists.</summary>
    private static bool IsThematicBreak(ReadOnlySpan<char> rest)
    {
        var kind = rest[0];
        if (kind is not ('-' or '*' or '_'))
        {
            return false;
        }

        var count = 0;
        foreach (var c in rest)
        {
            if (c == kind)
            {
                count++;
            }
            else if (!IsBlank(c))
            {
                return false;
            }
        }

        return count >= 3;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\r';

    private static int Marks(ReadOnlySpan<char> line)
    {
        var marks = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var run = 1;
            while (i + run < line.Length && line[i + run] == c)
            {
                run++;
            }

            switch (c)
            {
                case '*' or '_' or '^' or '`':
                    marks++;
                    break;
                case '=' or '+' when run >= 2:
                    marks++;
                    break;
                case '[':
                    marks += run;
                    break;
                case ':' when line[(i + 1)..].StartsWith("//"):
                    marks++;
                    break;
                case 'w' or 'W' when line[i..].StartsWith("www.", StringComparison.OrdinalIgnoreCase):
                    marks++;
                    break;
            }

            i += run - 1;
        }

        return marks;
    }

    private static int InlineDepth(MarkdownDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(Inline Inline, int Depth)>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is not null)
            {
                pending.Push((leaf.Inline, 0));
            }

            while (pending.TryPop(out var item))
            {
                deepest = Math.Max(deepest, item.Depth);
                for (var child = (item.Inline as ContainerInline)?.FirstChild; child is not null; child = child.NextSibling)
                {
                    pending.Push((child, item.Depth + 1));
                }
            }
        }

        return deepest;
    }

    /// <summary>The deepest nesting of block quotes and lists.</summary>
    private static int Depth(MarkdownDocument document)
    {
        var deepest = 0;
        foreach (var block in document.Descendants<ContainerBlock>())
        {
            if (block is not (QuoteBlock or ListBlock))
            {
                continue;
            }

            var depth = 0;
            for (Block? b = block; b is not null; b = b.Parent)
            {
                if (b is QuoteBlock or ListBlock)
                {
                    depth++;
                }
            }

            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }
}
