using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Mediation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Core.Settings;

/// <summary>The site's own settings document ("Site"); the admin's settings form takes its rules from here.</summary>
public sealed record SiteSettingsValues
{
    [Display(Name = "Site name (Korean)")]
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string SiteNameKo { get; init; } = "시민참여";

    [Display(Name = "Site name (English)")]
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string SiteNameEn { get; init; } = "Citizen Participation";

    [Display(Name = "City name (Korean)")]
    [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string CityNameKo { get; init; } = "";

    [Display(Name = "City name (English)")]
    [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string CityNameEn { get; init; } = "";

    // Not [EmailAddress]: that refuses the empty address, and the contact address is optional.
    [Display(Name = "Contact email")]
    [RegularExpression(@"^[^@\s]+@[^@\s]+$", ErrorMessage = "The {0} field is not a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string ContactEmail { get; init; } = "";

    [Display(Name = "Contact phone")]
    [RegularExpression(@"^[0-9+()\- ]{0,30}$", ErrorMessage = "Enter a phone number with digits, spaces, hyphens or a leading +.")]
    public string ContactPhone { get; init; } = "";

    /// <summary>Whether a visitor may register an account without an invitation.</summary>
    [Display(Name = "Anyone may register an account")]
    public bool RegistrationOpen { get; init; } = true;

    /// <summary>Before settings were documents, the site's names were stored without their "Site" prefix twice.</summary>
    internal static string LegacyKey(string property) => property switch
    {
        nameof(SiteNameKo) => "Site.NameKo",
        nameof(SiteNameEn) => "Site.NameEn",
        _ => "Site." + property,
    };
}

/// <summary>
/// Reads and saves the settings documents (<see cref="ISettings{T}"/>) inside the current unit of work, and the few
/// plain values the site keeps about itself (<see cref="SetupState"/>).
/// </summary>
public sealed class SiteSettingsService(SiteDbContext db, IServiceProvider services, IStringLocalizer<SharedResource> t)
{
    /// <summary>The site's settings, from memory.</summary>
    public ValueTask<SiteSettingsValues> GetAsync(CancellationToken cancellationToken = default) =>
        services.GetRequiredService<ISettings<SiteSettingsValues>>().GetAsync(cancellationToken);

    /// <summary>The stored document, uncached and inside the current transaction (a recipe's earlier steps show).</summary>
    public Task<T> ReadAsync<T>(CancellationToken cancellationToken = default) where T : class, new() =>
        Document<T>().ReadAsync(db, cancellationToken);

    /// <summary>
    /// Validates <paramref name="settings"/> by its data annotations and saves it as one document; every instance reads
    /// it within <see cref="SettingsDocument{T}.Lifetime"/>, this one at once. Invalid settings are refused with
    /// localised messages keyed by property (<see cref="RequestValidationException"/>) and nothing is written.
    /// </summary>
    public Task SaveAsync<T>(T settings, CancellationToken cancellationToken = default) where T : class, new() =>
        SaveAsync(Document<T>(), settings, cancellationToken);

    /// <inheritdoc cref="SaveAsync{T}"/>
    public async Task SaveAsync(ISettingsDocument document, object settings, CancellationToken cancellationToken = default)
    {
        var failures = Validate(settings);
        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures);
        }

        await SetAsync(document.Name, JsonSerializer.Serialize(settings, document.Type, SettingsJson.Options), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc cref="ReadAsync{T}"/>
    public Task<object> ReadAsync(ISettingsDocument document, CancellationToken cancellationToken = default) =>
        document.ReadObjectAsync(db, cancellationToken);

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

    /// <summary>
    /// Turns the key/value rows of settings saved before they became documents into their documents, once, on start.
    /// Values stay as they were. The old rows stay too: an instance of the previous release still running during the
    /// upgrade keeps reading them instead of falling back to its defaults (a weaker verification level to sign, say).
    /// </summary>
    public async Task UpgradeLegacyRowsAsync(CancellationToken cancellationToken = default)
    {
        var documents = services.GetServices<ISettingsDocument>().ToList();
        var rows = await db.SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var added = new List<string>();
        foreach (var document in documents.Where(d => !rows.ContainsKey(d.Name)))
        {
            if (SettingsJson.FromLegacyRows(document, rows) is not { } converted)
            {
                continue;
            }

            db.SiteSettings.Add(new SiteSetting { Key = document.Name, Value = converted.ToJsonString(SettingsJson.Options) });
            added.Add(document.Name);
        }

        if (added.Count == 0)
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Another instance starting at the same moment upgraded them first.
            if (!await db.SiteSettings.AsNoTracking().AnyAsync(s => added.Contains(s.Key), cancellationToken))
            {
                throw;
            }
        }
    }

    private SettingsDocument<T> Document<T>() where T : class, new() =>
        services.GetService<ISettings<T>>() as SettingsDocument<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered as settings (services.AddSettings<{typeof(T).Name}>(name)).");

    /// <summary>Each failing annotation's message in the user's language, with the property's display name and the attribute's limits.</summary>
    private List<ValidationFailure> Validate(object settings)
    {
        var failures = new List<ValidationFailure>();
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(settings);
            var context = new ValidationContext(settings) { MemberName = property.Name };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(true))
            {
                if (attribute.GetValidationResult(value, context) is null)
                {
                    continue;
                }

                var name = t[property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name].Value;
                object?[] limits = attribute switch
                {
                    RangeAttribute r => [r.Minimum, r.Maximum],
                    StringLengthAttribute s => [s.MaximumLength, s.MinimumLength],
                    _ => [],
                };
                var template = t[attribute.ErrorMessage ?? "The value is not valid."].Value;
                failures.Add(new ValidationFailure(property.Name, string.Format(CultureInfo.CurrentCulture, template, [name, .. limits])));
            }
        }

        return failures;
    }
}
