using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace CitizenParticipation.Core.Markdown;

public interface IMarkdownRenderer
{
    /// <summary>Renders user-written Markdown to HTML that is safe to show: no raw HTML, only allowed link targets.</summary>
    IHtmlContent Render(string? markdown);
}

public sealed class MarkdownRenderer : IMarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public IHtmlContent Render(string? markdown) => new HtmlString(ToHtml(markdown));

    public static string ToHtml(string? markdown)
    {
        var document = Markdig.Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsAllowedUrl(link.Url))
            {
                if (!link.IsImage)
                {
                    link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow ugc noopener");
                }

                continue;
            }

            ReplaceWithText(link, link.IsImage ? LinkText(link) : null);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!IsAllowedUrl(url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        return Markdig.Markdown.ToHtml(document, Pipeline);
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

    private static string LinkText(LinkInline link) =>
        string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static void ReplaceWithText(LinkInline link, string? text)
    {
        if (text is not null)
        {
            link.ReplaceBy(new LiteralInline(text));
            return;
        }

        // Keep what the link said, drop where it pointed.
        var container = new ContainerInline();
        while (link.FirstChild is { } child)
        {
            child.Remove();
            container.AppendChild(child);
        }

        link.ReplaceBy(container);
    }
}
