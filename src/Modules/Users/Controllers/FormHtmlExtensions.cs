using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CitizenParticipation.Modules.Users.Controllers;

public static class FormHtmlExtensions
{
    /// <summary>KRDS marks a field in error on its container: <c>form-conts is-error</c>.</summary>
    public static string ErrorClass(this IHtmlHelper html, string field) =>
        html.ViewData.ModelState.TryGetValue(html.ViewData.TemplateInfo.GetFullHtmlFieldName(field), out var entry) && entry.Errors.Count > 0
            ? "is-error"
            : "";

    public static IHtmlContent Nothing(this IHtmlHelper html) => HtmlString.Empty;
}
