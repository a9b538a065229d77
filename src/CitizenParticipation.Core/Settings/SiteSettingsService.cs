using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Core.Settings;

/// <summary>The site's settings as a typed record; stored as key/value rows so modules can add their own keys.</summary>
public sealed record SiteSettingsValues
{
    public string SiteNameKo { get; init; } = "시민참여";
    public string SiteNameEn { get; init; } = "Citizen Participation";
    public string CityNameKo { get; init; } = "";
    public string CityNameEn { get; init; } = "";
    public string ContactEmail { get; init; } = "";
    public string ContactPhone { get; init; } = "";
    /// <summary>Whether a visitor may register an account without an invitation.</summary>
    public bool RegistrationOpen { get; init; } = true;
}

public sealed class SiteSettingsService(SiteDbContext db, SiteSettingsCache cache)
{
    public const string SiteNameKo = "Site.NameKo";
    public const string SiteNameEn = "Site.NameEn";
    public const string CityNameKo = "Site.CityNameKo";
    public const string CityNameEn = "Site.CityNameEn";
    public const string ContactEmail = "Site.ContactEmail";
    public const string ContactPhone = "Site.ContactPhone";
    public const string RegistrationOpen = "Site.RegistrationOpen";

    public async Task<SiteSettingsValues> GetAsync(CancellationToken cancellationToken = default)
    {
        var rows = await cache.GetAsync(cancellationToken);
        var defaults = new SiteSettingsValues();
        string Get(string key, string fallback) => rows.TryGetValue(key, out var v) ? v : fallback;
        return new SiteSettingsValues
        {
            SiteNameKo = Get(SiteNameKo, defaults.SiteNameKo),
            SiteNameEn = Get(SiteNameEn, defaults.SiteNameEn),
            CityNameKo = Get(CityNameKo, defaults.CityNameKo),
            CityNameEn = Get(CityNameEn, defaults.CityNameEn),
            ContactEmail = Get(ContactEmail, defaults.ContactEmail),
            ContactPhone = Get(ContactPhone, defaults.ContactPhone),
            RegistrationOpen = bool.TryParse(Get(RegistrationOpen, "true"), out var open) && open,
        };
    }

    public async Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default) =>
        (await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, cancellationToken))?.Value;

    /// <summary>Stages a value in the current unit of work; the caller saves.</summary>
    public async Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        var row = await db.SiteSettings.FindAsync([key], cancellationToken);
        if (row is null)
        {
            db.SiteSettings.Add(new SiteSetting { Key = key, Value = value });
        }
        else
        {
            row.Value = value;
        }
    }
}
