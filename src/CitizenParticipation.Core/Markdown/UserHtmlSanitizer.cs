using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using Ganss.Xss;

namespace CitizenParticipation.Core.Markdown;

/// <summary>
/// The last pass over HTML made from user text. It lets through what the Markdown pipeline is meant to
/// produce and nothing else, so that a change in Markdig or a mistake in our own processing cannot put
/// scripts, styles, images or foreign attributes on a page. Configured once; safe to share between threads.
/// </summary>
public sealed class UserHtmlSanitizer
{
    public const string LinkRel = "nofollow ugc noopener";

    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code",
        "em", "strong", "ins", "mark", "sup", "a",
        "table", "thead", "tbody", "tr", "th", "td",
    ];

    // No class (Markdig names code languages), id, style or src: nothing on the page may be styled, targeted or fetched by user text.
    private static readonly string[] Attributes = ["href", "title", "rel", "start", "align"];

    private static readonly string[] Schemes = ["http", "https", "mailto"];

    private static readonly IMarkupFormatter Output = new QuotesEscapedFormatter();

    private readonly HtmlSanitizer _sanitizer;

    public UserHtmlSanitizer()
    {
        var options = HtmlSanitizerOptions.Empty();
        Array.ForEach(Tags, tag => options.AllowedTags.Add(tag));
        Array.ForEach(Attributes, attribute => options.AllowedAttributes.Add(attribute));
        Array.ForEach(Schemes, scheme => options.AllowedSchemes.Add(scheme));
        options.UriAttributes.Add("href");
        _sanitizer = new HtmlSanitizer(options);
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", LinkRel);
            }
        };
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html, "", Output);

    /// <summary>Escapes quotes in text as Markdig does, so that text such as <c>href="javascript:</c> never reads like markup.</summary>
    private sealed class QuotesEscapedFormatter : HtmlMarkupFormatter
    {
        public override string Text(ICharacterData text) => base.Text(text).Replace("\"", "&quot;", StringComparison.Ordinal);
    }
}
