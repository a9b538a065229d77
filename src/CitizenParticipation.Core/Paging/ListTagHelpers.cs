using System.Globalization;
using System.Text.Encodings.Web;
using CitizenParticipation.Core.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace CitizenParticipation.Core.Paging;

/// <summary>Links to the same list with some query keys changed, keeping the others (search, filters, sort).</summary>
internal static class ListLinks
{
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                query.Remove(key);
            }
            else
            {
                query[key] = value;
            }
        }

        return request.PathBase + request.Path + QueryString.Create(query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
    }
}

/// <summary>
/// <c>&lt;list-pager page="@Model.Page" /&gt;</c>: the number of rows, and links to the first, last and nearby pages of
/// the list; every other query key (search, filters, sort) stays in the links. Above a table, <c>links="false"</c>
/// shows only the number; below it, <c>total="false"</c> only the links.
/// </summary>
[HtmlTargetElement("list-pager", Attributes = "page", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ListPagerTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    private const int Nearby = 2;

    public ListPage Page { get; set; } = new(1, 1, 0);

    public bool Total { get; set; } = true;

    public bool Links { get; set; } = true;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var request = ViewContext.HttpContext.Request;
        var page = Page;
        output.TagName = null;
        var html = output.Content;
        if (Total)
        {
            html.AppendHtml("<p class=\"list-total\">")
                .Append(t["{0} in all, page {1} of {2}", page.Total.ToString("N0", CultureInfo.CurrentCulture), page.Number, page.Count])
                .AppendHtml("</p>");
        }

        if (!Links || page.Count <= 1)
        {
            return;
        }

        string Link(int number) => HtmlEncoder.Default.Encode(ListLinks.With(request, ("page", number == 1 ? null : number.ToString(CultureInfo.InvariantCulture))));
        html.AppendHtml($"<nav class=\"krds-pagination list-pager\" aria-label=\"{HtmlEncoder.Default.Encode(t["Pages"])}\">");
        if (page.Number > 1)
        {
            html.AppendHtml($"<a class=\"page-navi prev\" rel=\"prev\" href=\"{Link(page.Number - 1)}\">").Append(t["Previous page"]).AppendHtml("</a>");
        }

        html.AppendHtml("<div class=\"page-links\">");
        var shown = 0;
        for (var n = 1; n <= page.Count; n++)
        {
            if (n != 1 && n != page.Count && Math.Abs(n - page.Number) > Nearby)
            {
                continue;
            }

            if (n > shown + 1)
            {
                html.AppendHtml("<span class=\"page-link link-dot\" aria-hidden=\"true\"></span>");
            }

            html.AppendHtml(n == page.Number
                ? $"<a class=\"page-link active\" aria-current=\"page\" href=\"{Link(n)}\">{n}</a>"
                : $"<a class=\"page-link\" href=\"{Link(n)}\">{n}</a>");
            shown = n;
        }

        html.AppendHtml("</div>");
        if (page.Number < page.Count)
        {
            html.AppendHtml($"<a class=\"page-navi next\" rel=\"next\" href=\"{Link(page.Number + 1)}\">").Append(t["Next page"]).AppendHtml("</a>");
        }

        html.AppendHtml("</nav>");
    }
}

/// <summary>
/// <c>&lt;th sort-by="Title" sort="@Model.Sort"&gt;</c>: the header links to the list sorted by its column (the other way
/// round when it is sorted by it already), back on the first page, and carries <c>aria-sort</c> when it is the sorted one.
/// </summary>
[HtmlTargetElement("th", Attributes = "sort-by,sort")]
public sealed class SortableHeaderTagHelper : TagHelper
{
    [HtmlAttributeName("sort-by")]
    public string SortBy { get; set; } = "";

    [HtmlAttributeName("sort")]
    public ListSort Sort { get; set; } = new("", SortDirection.Asc);

    /// <summary>Whether the first click sorts descending, as suits counts and dates.</summary>
    [HtmlAttributeName("sort-desc-first")]
    public bool DescendingFirst { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var current = string.Equals(Sort.Column, SortBy, StringComparison.OrdinalIgnoreCase);
        var next = current ? (Sort.Descending ? SortDirection.Asc : SortDirection.Desc) : DescendingFirst ? SortDirection.Desc : SortDirection.Asc;
        if (current)
        {
            output.Attributes.SetAttribute("aria-sort", Sort.Descending ? "descending" : "ascending");
        }

        var href = ListLinks.With(ViewContext.HttpContext.Request, ("sort", SortBy), ("dir", next == SortDirection.Desc ? "desc" : "asc"), ("page", null));
        var label = (await output.GetChildContentAsync()).GetContent();
        output.Content.SetHtmlContent($"<a class=\"list-sort\" href=\"{HtmlEncoder.Default.Encode(href)}\">{label}</a>");
    }
}
