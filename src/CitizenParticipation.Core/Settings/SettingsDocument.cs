using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Core.Settings;

/// <summary>
/// A module's settings as one typed object: read from memory on every request, stored as one JSON document (a row of
/// the site settings table named after the module), validated by its data annotations when saved
/// (<see cref="SiteSettingsService.SaveAsync{T}"/>). Register it with <c>services.AddSettings&lt;T&gt;("Name")</c>.
/// </summary>
public interface ISettings<T> where T : class, new()
{
    ValueTask<T> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// For callers that cannot wait (the rate limiter's partitioning): completes at once while the value is fresh, and
    /// gives the previous value while a changed document is being read (see <see cref="GenerationCache{T}.GetNow"/>).
    /// </summary>
    T Get();
}

/// <summary>What the settings step and the start-up upgrade need to know of every registered document.</summary>
public interface ISettingsDocument
{
    /// <summary>The key of the document's row, and its name in recipes.</summary>
    string Name { get; }

    Type Type { get; }

    /// <summary>The key/value row that held <paramref name="property"/> before settings became documents.</summary>
    string LegacyKey(string property);

    Task<object> ReadObjectAsync(SiteDbContext db, CancellationToken cancellationToken);
}

/// <summary>
/// The cached document. A save in this instance shows at once (see <see cref="ICacheInvalidator"/>); other instances
/// on the same database read it again after <see cref="Lifetime"/>, one primary-key read per document, so that a
/// change made on one instance reaches every instance within seconds without a message bus.
/// </summary>
public sealed class SettingsDocument<T>(string name, Func<string, string> legacyKey, IServiceScopeFactory scopes, HybridCache cache, TimeProvider clock, ILogger<SettingsDocument<T>> logger)
    : GenerationCache<T>(cache, clock, Lifetime), ISettings<T>, ISettingsDocument
    where T : class, new()
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public string Name { get; } = name;

    public Type Type => typeof(T);

    public string LegacyKey(string property) => legacyKey(property);

    public override bool Watches(object entity) => entity is SiteSetting s && s.Key == Name;

    public T Get() => GetNow();

    public async Task<object> ReadObjectAsync(SiteDbContext db, CancellationToken cancellationToken) => await ReadAsync(db, cancellationToken);

    protected override async Task<T> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ReadAsync(scope.ServiceProvider.GetRequiredService<SiteDbContext>(), cancellationToken);
    }

    /// <summary>The stored document (defaults when there is none), uncached, through <paramref name="db"/> and its transaction.</summary>
    public async Task<T> ReadAsync(SiteDbContext db, CancellationToken cancellationToken)
    {
        var json = await db.SiteSettings.AsNoTracking().Where(s => s.Key == Name).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        if (json is null)
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, SettingsJson.Options) ?? new T();
        }
        catch (JsonException ex)
        {
            // Every page reads the settings: a damaged document must not take the site down.
            logger.LogError(ex, "The settings document {Name} cannot be read; its defaults apply until it is saved again", Name);
            return new T();
        }
    }
}

public static class SettingsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// The document made from the key/value rows that held its properties before settings became documents; values
    /// that do not parse keep their defaults, as they did when they were read. Null when no such row exists.
    /// </summary>
    public static JsonObject? FromLegacyRows(ISettingsDocument document, IReadOnlyDictionary<string, string> rows)
    {
        var result = new JsonObject();
        foreach (var property in document.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (rows.TryGetValue(document.LegacyKey(property.Name), out var text) && Parse(property.PropertyType, text) is { } value)
            {
                result[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = value;
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static JsonNode? Parse(Type type, string text) => type switch
    {
        _ when type == typeof(string) => JsonValue.Create(text),
        _ when type == typeof(bool) => bool.TryParse(text, out var b) ? JsonValue.Create(b) : null,
        _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? JsonValue.Create(i) : null,
        { IsEnum: true } => Enum.TryParse(type, text, true, out var e) ? JsonValue.Create(e!.ToString()) : null,
        _ => null,
    };
}
