using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CitizenParticipation.Core.Modules;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Core.Localization;

/// <summary>Marker type for texts that belong to no one module.</summary>
public sealed class SharedResource;

/// <summary>
/// Source texts are written in English in code and views; each module and theme embeds
/// <c>Localization/ko.json</c> mapping them to Korean. Korean is the default culture.
/// </summary>
public sealed class TranslationCatalog
{
    private readonly Dictionary<string, Dictionary<string, string>> _byCulture = new(StringComparer.OrdinalIgnoreCase);

    public TranslationCatalog(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Localization.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
            {
                var culture = resource["Localization.".Length..^".json".Length];
                using var stream = assembly.GetManifestResourceStream(resource)!;
                var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
                if (!_byCulture.TryGetValue(culture, out var table))
                {
                    _byCulture[culture] = table = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                foreach (var (key, value) in entries)
                {
                    table[key] = value;
                }
            }
        }
    }

    public static TranslationCatalog FromModules(ModuleCatalog modules) =>
        new(modules.Modules.Select(m => m.Assembly).Append(typeof(TranslationCatalog).Assembly));

    /// <summary>Source texts asked for in a culture that has no translation for them, for the tests to list.</summary>
    public ConcurrentDictionary<(string Culture, string Text), byte> Missing { get; } = new();

    public string? Translate(CultureInfo culture, string text)
    {
        if (culture.TwoLetterISOLanguageName == "en")
        {
            return null;
        }

        if (_byCulture.TryGetValue(culture.TwoLetterISOLanguageName, out var table) && table.TryGetValue(text, out var translated))
        {
            return translated;
        }

        Missing.TryAdd((culture.TwoLetterISOLanguageName, text), 0);
        return null;
    }

    public IEnumerable<LocalizedString> All(CultureInfo culture) =>
        _byCulture.TryGetValue(culture.TwoLetterISOLanguageName, out var table)
            ? table.Select(kv => new LocalizedString(kv.Key, kv.Value))
            : [];
}

public sealed class JsonStringLocalizer(TranslationCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var translated = catalog.Translate(CultureInfo.CurrentUICulture, name);
            return new LocalizedString(name, translated ?? name, resourceNotFound: translated is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => catalog.All(CultureInfo.CurrentUICulture);
}

public sealed class JsonStringLocalizerFactory(TranslationCatalog catalog) : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(catalog);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

public static class SiteCultures
{
    public const string Default = "ko";
    public static readonly string[] Supported = ["ko", "en"];

    /// <summary>Picks the Korean or English form of a bilingual name for the current culture.</summary>
    public static string Pick(string ko, string en) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrEmpty(en) ? en : ko;
}
