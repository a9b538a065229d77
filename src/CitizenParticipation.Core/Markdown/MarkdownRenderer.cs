using System.Net;
using System.Text;
using CitizenParticipation.Core.Localization;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Core.Markdown;

/// <param name="Html">Safe to show as it is.</param>
/// <param name="Formatted">False when the text was outside <see cref="MarkdownLimits"/> or could not be formatted, and is shown as escaped plain text.</param>
public sealed record RenderedMarkdown(string Html, bool Formatted);

public interface IMarkdownRenderer
{
    /// <summary>Renders user-written Markdown to HTML that is safe to show; never fails (text it cannot format comes back as plain text).</summary>
    RenderedMarkdown ToHtml(string? markdown);

    /// <summary>For public pages: the HTML alone, in the <see cref="MarkdownRenderer.ContentClass"/> block that gives it its typography.</summary>
    IHtmlContent Render(string? markdown);

    /// <summary>For staff pages: also says when the text could not be formatted, so that staff know why it looks plain.</summary>
    IHtmlContent RenderForStaff(string? markdown);
}

public sealed class MarkdownRenderer(UserHtmlSanitizer sanitizer, IStringLocalizer<SharedResource> t, ILogger<MarkdownRenderer> logger) : IMarkdownRenderer
{
    public const string StaffNote = "This text could not be formatted (it is nested too deeply or has too many formatting marks), so it is shown as plain text, to visitors too.";

    /// <summary>The class of the block around rendered user text: themes give lists, quotes, headings and tables their typography through it.</summary>
    public const string ContentClass = "user-content";

    /// <summary>The class of the box that lets a wide table scroll sideways without widening the page.</summary>
    public const string TableClass = "user-content-table";

    public const string TableLabel = "Table from the text";

    public IHtmlContent Render(string? markdown) => Present(ToHtml(markdown).Html);

    public IHtmlContent RenderForStaff(string? markdown)
    {
        var rendered = ToHtml(markdown);
        return rendered.Formatted
            ? Present(rendered.Html)
            : new HtmlString($"<p class=\"form-hint\" role=\"note\">{WebUtility.HtmlEncode(t[StaffNote].Value)}</p>{Present(rendered.Html)}");
    }

    /// <summary>
    /// Wraps sanitized HTML for a page. A table goes in a box that scrolls and can be focused, so that a keyboard can
    /// scroll it; the sanitizer lets no attributes onto a table, so "&lt;table&gt;" in its output is always a table.
    /// </summary>
    private HtmlString Present(string html)
    {
        if (html.Length == 0)
        {
            return HtmlString.Empty;
        }

        var box = $"<div class=\"{TableClass}\" tabindex=\"0\" role=\"region\" aria-label=\"{WebUtility.HtmlEncode(t[TableLabel].Value)}\"><table>";
        var tables = html.Replace("<table>", box, StringComparison.Ordinal).Replace("</table>", "</table></div>", StringComparison.Ordinal);
        return new HtmlString($"<div class=\"{ContentClass}\">{tables}</div>");
    }

    public RenderedMarkdown ToHtml(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return new RenderedMarkdown("", true);
        }

        try
        {
            var problem = MarkdownLimits.TryParse(markdown, out var document);
            if (document is null)
            {
                logger.LogWarning("Showed a Markdown text of {Length} characters as plain text: {Problem}", markdown.Length, problem);
                return new RenderedMarkdown(PlainText(markdown), false);
            }

            Secure(document);
            return new RenderedMarkdown(sanitizer.Sanitize(Markdig.Markdown.ToHtml(document, MarkdownLimits.Pipeline)), true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Showed a Markdown text of {Length} characters as plain text: formatting failed", markdown.Length);
            return new RenderedMarkdown(PlainText(markdown), false);
        }
    }

    /// <summary>http, https, mailto, and relative addresses; anything else (javascript:, data:, vbscript: …) is refused.</summary>
    public static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        // Browsers ignore control characters and white space inside a scheme ("java\tscript:").
        var cleaned = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon)
        {
            return true; // the colon is in the path or query of a relative address
        }

        var scheme = cleaned[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    /// <summary>Escaped text, paragraphs and line breaks kept.</summary>
    internal static string PlainText(string markdown)
    {
        var html = new StringBuilder(markdown.Length + 64);
        foreach (var paragraph in markdown.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        }

        return html.ToString();
    }

    /// <summary>
    /// Refused link targets lose their link but keep their text once. Images become links labelled with their
    /// description: an image from another site would show the reader's address to that site (and the site's
    /// content security policy would block it anyway), so the reader chooses whether to open it.
    /// </summary>
    private static void Secure(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            if (!IsAllowedUrl(url))
            {
                KeepText(link);
                continue;
            }

            if (link.IsImage)
            {
                link.IsImage = false;
                if (link.FirstChild is null)
                {
                    link.AppendChild(new LiteralInline(url ?? ""));
                }
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsAllowedUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        foreach (var table in document.Descendants<Table>())
        {
            AlignWithoutStyle(table);
        }
    }

    private static void KeepText(LinkInline link)
    {
        // ReplaceBy moves the link's children into the new container, so the text appears exactly once.
        link.ReplaceBy(new ContainerInline());
    }

    /// <summary>Markdig aligns table columns with inline styles, which the content security policy forbids; the align attribute needs none.</summary>
    private static void AlignWithoutStyle(Table table)
    {
        foreach (var row in table.OfType<TableRow>())
        {
            foreach (var (cell, position) in row.OfType<TableCell>().Select((cell, position) => (cell, position)))
            {
                var column = cell.ColumnIndex >= 0 ? cell.ColumnIndex : position;
                if (column < table.ColumnDefinitions.Count && table.ColumnDefinitions[column].Alignment is { } alignment)
                {
                    cell.GetAttributes().AddPropertyIfNotExist("align", alignment.ToString().ToLowerInvariant());
                }
            }
        }

        foreach (var column in table.ColumnDefinitions)
        {
            column.Alignment = null;
        }
    }
}
