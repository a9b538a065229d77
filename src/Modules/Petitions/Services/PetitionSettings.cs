using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Settings;

namespace CitizenParticipation.Modules.Petitions.Services;

/// <summary>The petitions settings: one document, "Petitions" (see <see cref="ISettings{T}"/>).</summary>
public sealed record PetitionSettings
{
    [Range(0, 100000, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Prior agreements required (0 = none)")]
    public int PriorAgreements { get; init; }

    [Display(Name = "Staff review before publication")]
    public bool PreModeration { get; init; } = true;

    [Range(1, 365, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Signing period (days)")]
    public int SigningDays { get; init; } = 30;

    [Range(1, 100000000, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Signatures for an official answer")]
    public int AnswerThreshold { get; init; } = 3000;

    [Range(1, 100000000, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Signatures for the deliberation committee's agenda")]
    public int AgendaThreshold { get; init; } = 10000;

    [Range(1, 365, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Days to answer after closing")]
    public int AnswerDueDays { get; init; } = 10;

    [Display(Name = "Count disagreements")]
    public bool DisagreementEnabled { get; init; }

    [Display(Name = "Verification required to sign")]
    public VerificationLevel RequiredVerification { get; init; } = VerificationLevel.EmailConfirmed;

    [Range(1, 36500, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Days before closed petitions are anonymised")]
    public int RetentionDays { get; init; } = 180;

    [Range(1, 1000000, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Signatures per minute from one IP address")]
    public int SignPerIpPerMinute { get; init; } = 60;

    [Range(1, 1000000, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "Signatures per minute from one account")]
    public int SignPerAccountPerMinute { get; init; } = 20;

    [Range(1, 1000000, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "New petitions per hour from one IP address")]
    public int CreatePerIpPerHour { get; init; } = 20;

    [Range(1, 1000000, ErrorMessage = "{0} must be between {1} and {2}.")]
    [Display(Name = "New petitions per hour from one account")]
    public int CreatePerAccountPerHour { get; init; } = 5;
}
