using System.Net;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Admin;

/// <summary>A site whose recipe folder also holds recipes that are refused part-way.</summary>
public sealed class BrokenRecipesSiteFactory : SiteFactory
{
    public const string UnknownStep = """
        { "name": "broken-unknown-step", "displayName": "Broken: unknown step", "description": "Refused", "steps": [
          { "name": "settings", "site": { "siteNameKo": "바뀌면 안 됨" } },
          { "name": "regions", "regions": [ { "code": "should-not-exist", "nameKo": "없어야 함", "nameEn": "Must not exist" } ] },
          { "name": "noSuchStep" }
        ] }
        """;

    public const string InvalidLaterStep = """
        { "name": "broken-later-step", "displayName": "Broken: invalid data in a later step", "description": "Refused", "steps": [
          { "name": "settings", "site": { "siteNameKo": "바뀌면 안 됨" }, "petitions": { "answerThreshold": 7 } },
          { "name": "regions", "regions": [
            { "code": "existing", "nameKo": "바뀐 이름", "nameEn": "Changed", "kind": "city" },
            { "code": "should-not-exist", "nameKo": "없어야 함", "nameEn": "Must not exist" } ] },
          { "name": "regions", "regions": [ { "code": "no-english-name", "nameKo": "영어 이름 없음" } ] }
        ] }
        """;

    public string RecipeDirectory => Path.Combine(DataPath, "recipes");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Directory.CreateDirectory(RecipeDirectory);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "content-recipes"), "*.recipe.json"))
        {
            File.Copy(file, Path.Combine(RecipeDirectory, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(RecipeDirectory, "broken-unknown-step.recipe.json"), UnknownStep);
        File.WriteAllText(Path.Combine(RecipeDirectory, "broken-later-step.recipe.json"), InvalidLaterStep);
        builder.UseSetting("Recipes:Path", RecipeDirectory);
    }
}

public sealed class RecipeTransactionTests(BrokenRecipesSiteFactory site) : IClassFixture<BrokenRecipesSiteFactory>
{
    private sealed record Snapshot(IReadOnlyList<string> Settings, IReadOnlyList<string> Regions);

    private Task<Snapshot> SnapshotAsync() => site.WithDbAsync(async db => new Snapshot(
        (await db.SiteSettings.AsNoTracking().ToListAsync()).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}").ToList(),
        (await db.Regions.AsNoTracking().ToListAsync()).OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => $"{r.Id}|{r.Code}|{r.NameKo}|{r.NameEn}|{r.Kind}|{r.SortOrder}").ToList()));

    private async Task EnsureExistingRegionAsync()
    {
        await ExecuteAsync("""
            { "name": "seed", "steps": [ { "name": "regions", "regions": [ { "code": "existing", "nameKo": "기존 지역", "nameEn": "Existing", "kind": "district" } ] } ] }
            """);
    }

    private Task ExecuteAsync(string json) => site.WithScopeAsync(services =>
        services.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDescriptor.Parse(json)));

    [Fact]
    public async Task An_unknown_step_is_refused_with_its_index_and_nothing_changes()
    {
        await EnsureExistingRegionAsync();
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RecipeException>(() => ExecuteAsync(BrokenRecipesSiteFactory.UnknownStep));

        Assert.Equal(2, error.StepIndex);
        Assert.Equal("noSuchStep", error.StepName);
        Assert.Contains("noSuchStep", error.Reason);
        var after = await SnapshotAsync();
        Assert.Equal(before.Settings, after.Settings);
        Assert.Equal(before.Regions, after.Regions);
    }

    [Fact]
    public async Task Invalid_data_in_a_later_step_rolls_back_the_earlier_steps()
    {
        await EnsureExistingRegionAsync();
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RecipeException>(() => ExecuteAsync(BrokenRecipesSiteFactory.InvalidLaterStep));

        Assert.Equal(2, error.StepIndex);
        Assert.Equal("regions", error.StepName);
        Assert.Contains("no-english-name", error.Reason);
        var after = await SnapshotAsync();
        Assert.Equal(before.Settings, after.Settings);
        Assert.Equal(before.Regions, after.Regions);
        Assert.DoesNotContain(after.Regions, r => r.Contains("should-not-exist", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "name": "settings", "petitions": { "signingDays": 0 } }""", "Signing period (days) must be between 1 and 365.")]
    [InlineData("""{ "name": "settings", "site": { "siteNameKo": "" } }""", "The Site name (Korean) field is required.")]
    [InlineData("""{ "name": "settings", "petitions": { "noSuchSetting": 1 } }""", "'noSuchSetting' is not a setting of 'Petitions'.")]
    [InlineData("""{ "name": "settings", "budget": { "total": 1 } }""", "'budget' is not a settings document")]
    [InlineData("""{ "name": "settings", "settings": { "Petitions.NoSuchKey": "1" } }""", "'Petitions.NoSuchKey' is not a known setting.")]
    public async Task Settings_a_recipe_sets_are_validated_like_the_forms_and_refused_settings_change_nothing(string step, string reason)
    {
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<RecipeException>(() => ExecuteAsync($$"""{ "name": "refused-settings", "steps": [ {{step}} ] }"""));

        Assert.Equal(0, error.StepIndex);
        Assert.Contains(reason, error.Reason);
        Assert.Equal(before.Settings, (await SnapshotAsync()).Settings);
    }

    [Fact]
    public async Task The_recipes_page_lists_the_recipes_and_shows_a_refusal_without_changing_anything()
    {
        await EnsureExistingRegionAsync();
        var client = await site.AdminClientAsync();

        var list = await client.GetHtmlAsync("/admin/recipes");
        Assert.Contains("incheon-demo", list);
        Assert.Contains("broken-later-step", list);
        Assert.Contains("administrator", list); // a step name of the blank recipe

        var confirm = await client.GetAsync("/admin/recipes/broken-later-step/run");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        var before = await SnapshotAsync();
        var response = await client.PostFormAsync("/admin/recipes/broken-later-step/run", "/admin/recipes/broken-later-step/run", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("3단계(regions)", html); // the third step, numbered from 1 on the page
        Assert.Contains("no-english-name", html);
        Assert.Contains("아무것도 변경되지 않았습니다", html);
        var after = await SnapshotAsync();
        Assert.Equal(before.Settings, after.Settings);
        Assert.Equal(before.Regions, after.Regions);
    }

    [Fact]
    public async Task An_unknown_recipe_is_not_found()
    {
        var client = await site.AdminClientAsync();

        var response = await client.GetAsync("/admin/recipes/no-such-recipe/run");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
