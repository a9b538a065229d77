using System.Text.Json;
using CitizenParticipation.Core.Recipes;

namespace CitizenParticipation.Tests.Unit;

public sealed class RecipeDescriptorTests
{
    [Fact]
    public void A_recipe_is_read_with_its_steps_comments_and_trailing_commas()
    {
        var recipe = RecipeDescriptor.Parse("""
            {
              // a comment
              "Name": "demo",
              "displayName": "Demo",
              "description": "A demo",
              "steps": [
                { "name": "settings", "settings": { "Site.NameKo": "시민참여" } },
                { "name": "roles", "roles": [ { "name": "Staff" } ] },
              ],
            }
            """);

        Assert.Equal("demo", recipe.Name);
        Assert.Equal("Demo", recipe.DisplayName);
        Assert.Equal("A demo", recipe.Description);
        Assert.Equal(["settings", "roles"], recipe.Steps.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("시민참여", recipe.Steps[0].GetProperty("settings").GetProperty("Site.NameKo").GetString());
    }

    [Fact]
    public void An_empty_document_is_refused_as_a_recipe_error()
    {
        var error = Assert.Throws<RecipeException>(() => RecipeDescriptor.Parse("null"));

        Assert.Null(error.StepIndex);
    }

    [Fact]
    public void Malformed_json_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => RecipeDescriptor.Parse("{ \"name\": "));
    }

    [Fact]
    public void A_step_reads_its_own_data_and_reports_bad_data_as_a_recipe_error()
    {
        using var document = JsonDocument.Parse("""{ "name": "x", "count": "not a number" }""");
        var context = new RecipeStepContext(document.RootElement, null!, null!);

        var error = Assert.Throws<RecipeException>(() => context.Read<CountStep>());

        Assert.Contains("not valid", error.Reason);
    }

    [Fact]
    public void The_exception_names_the_step()
    {
        var error = new RecipeException(2, "regions", "'x' needs both nameKo and nameEn.");

        Assert.Equal("Step 2 (regions): 'x' needs both nameKo and nameEn.", error.Message);
    }

    [Fact]
    public void The_shipped_recipes_parse_and_name_their_steps()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "content-recipes");
        var recipes = new RecipeHarvester(directory).GetRecipes();

        Assert.Contains(recipes, r => r.Name == "blank");
        var demo = Assert.Single(recipes, r => r.Name == "incheon-demo");
        // The site's reference data and accounts come first; modules' demo content follows and may use them.
        Assert.Equal(["settings", "roles", "regions", "policyFields", "departments", "users"], demo.Steps.Select(s => s.GetProperty("name").GetString()).Take(6));
        Assert.All(demo.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("name").GetString())));
        Assert.Equal("administrator", new RecipeHarvester(directory).Find("BLANK")!.Steps[^1].GetProperty("name").GetString());
    }

    private sealed record CountStep(int Count);
}
