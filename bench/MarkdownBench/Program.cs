using System.Diagnostics;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Markdown;
using Markdig;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

// Markdig alone, configured as the site was before the limits, against the limits check (what a form runs)
// and the site's renderer (limits, Markdig, sanitizer), on the inputs of the penetration test and on the
// worst texts the limits still accept.
var markdig = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseEmphasisExtras().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().Build();
var renderer = new MarkdownRenderer(new UserHtmlSanitizer(), new StringLocalizer<SharedResource>(new JsonStringLocalizerFactory(new TranslationCatalog([]))), NullLogger<MarkdownRenderer>.Instance);
const int Length = 20000;

string Repeat(string pattern, int times) => string.Concat(Enumerable.Repeat(pattern, times));

// Paragraphs of as many repetitions as the limits accept, up to the longest text a form takes.
string WorstAccepted(string pattern)
{
    var times = 1;
    while (MarkdownLimits.Check(Repeat(pattern, times + 1)) == MarkdownProblem.None && (times + 1) * pattern.Length < Length)
    {
        times++;
    }

    var paragraph = Repeat(pattern, times);
    var count = Math.Max(1, Length / (paragraph.Length + 2));
    return string.Join("\n\n", Enumerable.Repeat(paragraph, count));
}

string Time(Func<object> work)
{
    try
    {
        work();
        var best = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var started = Stopwatch.GetTimestamp();
            work();
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return $"{best,9:0.0} ms";
    }
    catch (Exception ex)
    {
        return $"{ex.GetType().Name,12}";
    }
}

var nestedLists = string.Join("\n", Enumerable.Range(0, 140).Select(level => new string(' ', level * 2) + "- a"));
var table = "|" + Repeat(" a |", 10) + "\n|" + Repeat("---|", 10) + "\n" + Repeat("|" + Repeat(" b |", 10) + "\n", 480);
var inputs = new (string Name, string Text)[]
{
    ("'>' x 19,990", new string('>', 19990)),
    ("'*a' x 9,990", Repeat("*a", 9990)),
    ("'_a' x 9,990", Repeat("_a", 9990)),
    ("'[' x 19,990", new string('[', 19990)),
    ("'`' x 19,990", new string('`', 19990)),
    ("'`a' x 9,990", Repeat("`a", 9990)),
    ("'==a' x 6,600", Repeat("==a", 6600)),
    ("'- ' x 9,995 + a", Repeat("- ", 9995) + "a"),
    ("lists indented 140 deep", nestedLists),
    ("'[a](' x 5,000", Repeat("[a](", 5000)),
    ("'www.a.kr ' x 2,200", Repeat("www.a.kr ", 2200)),
    ("'x *a* ' x 3,300", Repeat("x *a* ", 3300)),
    ("table 480 rows x 10", table),
    ("at limit: '*a'", WorstAccepted("*a")),
    ("at limit: 'x *a* '", WorstAccepted("x *a* ")),
    ("at limit: '*_'", WorstAccepted("*_")),
    ("at limit: '==a'", WorstAccepted("==a")),
    ("at limit: 'a^'", WorstAccepted("a^")),
    ("at limit: '[a]('", WorstAccepted("[a](")),
    ("at limit: '![a]('", WorstAccepted("![a](")),
    ("at limit: 'www.a.kr '", WorstAccepted("www.a.kr ")),
    ("at limit: '[' then text", new string('[', 31) + Repeat("[a](", 92) + Repeat("text ", (Length - 400) / 5)),
    ("at limit: 16 quotes", Repeat(Repeat("> ", 16) + "a *b* [c](d)\n\n", 400)),
    ("ordinary text", Repeat("This is **bold** and _it_ text with a [link](https://x.y) and `code`.\n\n", 250)),
    ("ordinary short text", Repeat("This is **bold** and _it_ text with a [link](https://x.y) and `code`.\n\n", 25)),
};

Console.WriteLine($"{"input",-26} {"chars",6} {"Markdig alone",13} {"limits check",12} {"renderer",12}  formatted");
foreach (var (name, text) in inputs)
{
    var formatted = renderer.ToHtml(text).Formatted;
    Console.WriteLine($"{name,-26} {text.Length,6} {Time(() => Markdown.ToHtml(text, markdig)),13} {Time(() => MarkdownLimits.Check(text)),12} {Time(() => renderer.ToHtml(text)),12}  {(formatted ? "yes" : "plain text")}");
}
