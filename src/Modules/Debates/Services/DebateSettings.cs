using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;

namespace CitizenParticipation.Modules.Debates.Services;

/// <summary>The debate settings: one document, "Debates" (see <see cref="Core.Settings.ISettings{T}"/>).</summary>
public sealed record DebateSettings
{
    [Range(1, 1000000, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Supports that put a citizen's suggestion before the committee")]
    public int SuggestionSupportsNeeded { get; init; } = 100;

    [Range(1, 365, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Days a suggestion gathers supports")]
    public int SuggestionSupportDays { get; init; } = 30;

    [Display(Name = "Verification required to suggest and support")]
    public VerificationLevel SuggestionVerification { get; init; } = VerificationLevel.EmailConfirmed;
}
