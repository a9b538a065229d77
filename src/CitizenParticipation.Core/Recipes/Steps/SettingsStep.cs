using CitizenParticipation.Core.Caching;
using Microsoft.Extensions.DependencyInjection;
using CitizenParticipation.Core.Settings;

namespace CitizenParticipation.Core.Recipes.Steps;

/// <summary><c>{ "name": "settings", "settings": { "Site.NameKo": "…" } }</c></summary>
public sealed class SettingsStep : IRecipeStep
{
    public string Name => "settings";

    private sealed record Data(Dictionary<string, string>? Settings);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var data = context.Read<Data>();
        if (data.Settings is null || data.Settings.Count == 0)
        {
            throw new RecipeException(null, null, "'settings' must list at least one setting.");
        }

        var service = new SiteSettingsService(context.Db, context.Services.GetRequiredService<SiteSettingsCache>());
        foreach (var (key, value) in data.Settings)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > 100)
            {
                throw new RecipeException(null, null, $"'{key}' is not a valid setting key.");
            }

            await service.SetAsync(key, value ?? "", cancellationToken);
        }
    }
}
