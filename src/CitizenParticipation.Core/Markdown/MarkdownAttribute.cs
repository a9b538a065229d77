using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Core.Markdown;

/// <summary>
/// Refuses Markdown outside <see cref="MarkdownLimits"/>, with a message in the user's language. Checked by
/// MVC when a form is bound and by the validation behaviour when the command is sent from anywhere else.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class MarkdownAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var problem = MarkdownLimits.Check(value as string);
        if (problem == MarkdownProblem.None)
        {
            return ValidationResult.Success;
        }

        var message = MarkdownLimits.Message(problem);
        var t = validationContext.GetService<IStringLocalizer<SharedResource>>();
        string[] members = validationContext.MemberName is { } member ? [member] : [];
        return new LocalizedValidationResult(t?[message].Value ?? message, members);
    }
}
