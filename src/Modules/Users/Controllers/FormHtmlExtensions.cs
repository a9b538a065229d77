using CitizenParticipation.Core.Mediation;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CitizenParticipation.Modules.Users.Controllers;

internal static class ControllerExtensions
{
    public static void AddFailures(this ModelStateDictionary modelState, RequestValidationException exception, string prefix = "")
    {
        foreach (var failure in exception.Failures)
        {
            var key = prefix.Length > 0 && failure.Field.Length > 0 ? $"{prefix}.{failure.Field}" : failure.Field;
            modelState.AddModelError(key, failure.Message);
        }
    }
}

public static class FormHtmlExtensions
{
    /// <summary>KRDS marks a field in error on its container: <c>form-conts is-error</c>.</summary>
    public static string ErrorClass(this IHtmlHelper html, string field) =>
        html.ViewData.ModelState.TryGetValue(html.ViewData.TemplateInfo.GetFullHtmlFieldName(field), out var entry) && entry.Errors.Count > 0
            ? "is-error"
            : "";

    public static IHtmlContent Nothing(this IHtmlHelper html) => HtmlString.Empty;
}
