using System.Text.Json;
using System.Text.Json.Nodes;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Core.Recipes.Steps;

/// <summary>
/// <c>{ "name": "settings", "site": { "siteNameKo": "…" }, "petitions": { "answerThreshold": 3000 } }</c>: each
/// settings document by its name, with the values to change; the others keep theirs. The form of the first releases,
/// <c>"settings": { "Site.NameKo": "…" }</c>, is still read.
/// </summary>
public sealed class SettingsStep : IRecipeStep
{
    public string Name => "settings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var documents = context.Services.GetServices<ISettingsDocument>().ToList();
        var store = context.Services.GetRequiredService<SiteSettingsService>();
        var changes = JsonNode.Parse(context.Step.GetRawText())!.AsObject();
        changes.Remove("name");
        if (changes["settings"] is JsonObject legacy)
        {
            changes.Remove("settings");
            foreach (var (document, values) in FromLegacyKeys(documents, legacy))
            {
                changes[document] = values;
            }
        }

        if (changes.Count == 0)
        {
            throw new RecipeException(null, null, "'settings' must name at least one settings document.");
        }

        foreach (var (name, values) in changes)
        {
            var document = documents.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
                           ?? throw new RecipeException(null, null, $"'{name}' is not a settings document (known: {string.Join(", ", documents.Select(d => d.Name))}).");
            if (values is not JsonObject given)
            {
                throw new RecipeException(null, null, $"'{name}' must be an object of settings.");
            }

            await ApplyAsync(store, document, given, cancellationToken);
        }
    }

    private static async Task ApplyAsync(SiteSettingsService store, ISettingsDocument document, JsonObject given, CancellationToken cancellationToken)
    {
        var current = JsonSerializer.SerializeToNode(await store.ReadAsync(document, cancellationToken), document.Type, SettingsJson.Options)!.AsObject();
        foreach (var (key, value) in given)
        {
            var known = current.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                        ?? throw new RecipeException(null, null, $"'{key}' is not a setting of '{document.Name}'.");
            current[known] = value?.DeepClone();
        }

        object settings;
        try
        {
            settings = current.Deserialize(document.Type, SettingsJson.Options)!;
        }
        catch (JsonException ex)
        {
            throw new RecipeException(null, null, $"The settings '{document.Name}' are not valid: {ex.Message}");
        }

        try
        {
            await store.SaveAsync(document, settings, cancellationToken);
        }
        catch (RequestValidationException ex)
        {
            throw new RecipeException(null, null, $"The settings '{document.Name}' are not valid: {ex.Message}");
        }
    }

    private static IEnumerable<(string Document, JsonObject Values)> FromLegacyKeys(List<ISettingsDocument> documents, JsonObject legacy)
    {
        var rows = legacy.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");
        var known = documents.SelectMany(d => d.Type.GetProperties().Select(p => d.LegacyKey(p.Name))).ToHashSet();
        if (rows.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new RecipeException(null, null, $"'{unknown}' is not a known setting.");
        }

        foreach (var document in documents)
        {
            if (SettingsJson.FromLegacyRows(document, rows) is { } values)
            {
                yield return (document.Name, values);
            }
        }
    }
}
