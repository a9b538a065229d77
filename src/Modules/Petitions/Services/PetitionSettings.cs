using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;

namespace CitizenParticipation.Modules.Petitions.Services;

/// <summary>The petitions settings, stored as site settings under <c>Petitions.*</c>.</summary>
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

    public const string Prefix = "Petitions.";

    public static readonly string[] Names =
    [
        nameof(PriorAgreements), nameof(PreModeration), nameof(SigningDays), nameof(AnswerThreshold), nameof(AgendaThreshold),
        nameof(AnswerDueDays), nameof(DisagreementEnabled), nameof(RequiredVerification), nameof(RetentionDays),
        nameof(SignPerIpPerMinute), nameof(SignPerAccountPerMinute), nameof(CreatePerIpPerHour), nameof(CreatePerAccountPerHour),
    ];

    public static PetitionSettings From(IReadOnlyDictionary<string, string> rows)
    {
        var d = new PetitionSettings();
        int I(string name, int fallback) => rows.TryGetValue(Prefix + name, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : fallback;
        bool B(string name, bool fallback) => rows.TryGetValue(Prefix + name, out var v) && bool.TryParse(v, out var b) ? b : fallback;
        return new PetitionSettings
        {
            PriorAgreements = I(nameof(PriorAgreements), d.PriorAgreements),
            PreModeration = B(nameof(PreModeration), d.PreModeration),
            SigningDays = I(nameof(SigningDays), d.SigningDays),
            AnswerThreshold = I(nameof(AnswerThreshold), d.AnswerThreshold),
            AgendaThreshold = I(nameof(AgendaThreshold), d.AgendaThreshold),
            AnswerDueDays = I(nameof(AnswerDueDays), d.AnswerDueDays),
            DisagreementEnabled = B(nameof(DisagreementEnabled), d.DisagreementEnabled),
            RequiredVerification = rows.TryGetValue(Prefix + nameof(RequiredVerification), out var level) && Enum.TryParse<VerificationLevel>(level, true, out var l) ? l : d.RequiredVerification,
            RetentionDays = I(nameof(RetentionDays), d.RetentionDays),
            SignPerIpPerMinute = I(nameof(SignPerIpPerMinute), d.SignPerIpPerMinute),
            SignPerAccountPerMinute = I(nameof(SignPerAccountPerMinute), d.SignPerAccountPerMinute),
            CreatePerIpPerHour = I(nameof(CreatePerIpPerHour), d.CreatePerIpPerHour),
            CreatePerAccountPerHour = I(nameof(CreatePerAccountPerHour), d.CreatePerAccountPerHour),
        };
    }

    public IEnumerable<KeyValuePair<string, string>> ToRows()
    {
        string S(int v) => v.ToString(CultureInfo.InvariantCulture);
        yield return new(Prefix + nameof(PriorAgreements), S(PriorAgreements));
        yield return new(Prefix + nameof(PreModeration), PreModeration ? "true" : "false");
        yield return new(Prefix + nameof(SigningDays), S(SigningDays));
        yield return new(Prefix + nameof(AnswerThreshold), S(AnswerThreshold));
        yield return new(Prefix + nameof(AgendaThreshold), S(AgendaThreshold));
        yield return new(Prefix + nameof(AnswerDueDays), S(AnswerDueDays));
        yield return new(Prefix + nameof(DisagreementEnabled), DisagreementEnabled ? "true" : "false");
        yield return new(Prefix + nameof(RequiredVerification), RequiredVerification.ToString());
        yield return new(Prefix + nameof(RetentionDays), S(RetentionDays));
        yield return new(Prefix + nameof(SignPerIpPerMinute), S(SignPerIpPerMinute));
        yield return new(Prefix + nameof(SignPerAccountPerMinute), S(SignPerAccountPerMinute));
        yield return new(Prefix + nameof(CreatePerIpPerHour), S(CreatePerIpPerHour));
        yield return new(Prefix + nameof(CreatePerAccountPerHour), S(CreatePerAccountPerHour));
    }
}

/// <summary>
/// The petition settings parsed once from the site settings held in memory (<see cref="SiteSettingsCache"/>):
/// the signing path and the rate limiter consult them on every request. A save in this instance shows at
/// once; another instance's change within the site settings' lifetime.
/// </summary>
public sealed class PetitionSettingsCache(SiteSettingsCache siteSettings, TimeProvider clock)
    : GenerationCache<PetitionSettings>(clock, TimeSpan.FromSeconds(30))
{
    public override bool Watches(object entity) => entity is SiteSetting s && s.Key.StartsWith(PetitionSettings.Prefix, StringComparison.Ordinal);

    /// <summary>For the rate limiter's partitioning, which cannot wait; completes at once while the value is fresh.</summary>
    public PetitionSettings Get() => GetAsync().AsTask().GetAwaiter().GetResult();

    protected override async Task<PetitionSettings> LoadAsync(CancellationToken cancellationToken) =>
        PetitionSettings.From(await siteSettings.GetAsync(cancellationToken));
}
