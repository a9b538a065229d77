using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CitizenParticipation.Modules.Admin.TagHelpers;

/// <summary>
/// <c>&lt;krds-field asp-for="Code" hint="…" /&gt;</c>: a KRDS form group with its label, the input,
/// an optional hint and the field's error message, tied together with aria-describedby.
/// </summary>
[HtmlTargetElement("krds-field", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class KrdsFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;
    [HtmlAttributeName("type")] public string Type { get; set; } = "text";
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [HtmlAttributeName("autocomplete")] public string? Autocomplete { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var error = state?.ValidationState == ModelValidationState.Invalid ? state.Errors.FirstOrDefault()?.ErrorMessage : null;
        var value = state?.AttemptedValue ?? Convert.ToString(For.Model, CultureInfo.InvariantCulture) ?? "";
        var describedBy = string.Join(' ', new[] { Hint is null ? null : id + "-hint", error is null ? null : id + "-error" }.OfType<string>());

        var html = HtmlEncoder.Default;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "form-group");
        var content = $"""
            <div class="form-tit"><label for="{id}">{html.Encode(For.Metadata.GetDisplayName())}</label></div>
            <div class="form-conts{(error is null ? "" : " is-error")}"><input type="{html.Encode(Type)}" id="{id}" name="{html.Encode(name)}" value="{html.Encode(value)}" class="krds-input"{Attr("autocomplete", Autocomplete)}{Attr("aria-required", For.Metadata.IsRequired && For.Metadata.ModelType == typeof(string) ? "true" : null)}{Attr("aria-invalid", error is null ? null : "true")}{Attr("aria-describedby", describedBy.Length == 0 ? null : describedBy)}></div>
            """;
        if (Hint is not null)
        {
            content += $"""<p class="form-hint" id="{id}-hint">{html.Encode(Hint)}</p>""";
        }

        if (error is not null)
        {
            content += $"""<p class="form-hint-invalid" id="{id}-error">{html.Encode(error)}</p>""";
        }

        output.Content.SetHtmlContent(content);

        string Attr(string attribute, string? attributeValue) => attributeValue is null ? "" : $" {attribute}=\"{html.Encode(attributeValue)}\"";
    }
}
