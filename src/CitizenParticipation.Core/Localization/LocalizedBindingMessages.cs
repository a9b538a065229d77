using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Core.Localization;

/// <summary>Model binding's own messages ("The value '' is invalid.") in the user's language.</summary>
public static class LocalizedBindingMessages
{
    /// <summary>
    /// Sets the messages to come from <paramref name="localizer"/>, the site's own: a static one would be shared by
    /// every site in the process (the tests run several) and record missing texts in another site's catalog.
    /// </summary>
    public static void Apply(DefaultModelBindingMessageProvider p, IStringLocalizer localizer)
    {
        string T(string text) => localizer[text].Value;

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
