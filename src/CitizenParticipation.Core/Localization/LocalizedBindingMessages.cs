using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Core.Localization;

/// <summary>Model binding's own messages ("The value '' is invalid.") in the user's language.</summary>
public static class LocalizedBindingMessages
{
    private static IStringLocalizer? _localizer;

    /// <summary>Set once the catalog is built; until then the English texts are used.</summary>
    public static void Use(IStringLocalizer localizer) => _localizer = localizer;

    private static string T(string text) => _localizer?[text].Value ?? text;

    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetValueMustNotBeNullAccessor(_ => T("A value is required."));
        p.SetMissingBindRequiredValueAccessor(_ => T("A value is required."));
        p.SetMissingKeyOrValueAccessor(() => T("A value is required."));
        p.SetMissingRequestBodyRequiredValueAccessor(() => T("A value is required."));
        p.SetAttemptedValueIsInvalidAccessor((_, _) => T("The value is not valid."));
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => T("The value is not valid."));
        p.SetUnknownValueIsInvalidAccessor(_ => T("The value is not valid."));
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => T("The value is not valid."));
        p.SetValueIsInvalidAccessor(_ => T("The value is not valid."));
        p.SetValueMustBeANumberAccessor(_ => T("The value must be a number."));
        p.SetNonPropertyValueMustBeANumberAccessor(() => T("The value must be a number."));
    }
}
