using System.Net;
using System.Text.Json;
using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Registry;

/// <summary>Tasks exported as a recipe come back whole when the recipe runs.</summary>
public sealed class RecipeExportTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    [Fact]
    public async Task Exported_tasks_recipe_recreates_the_tasks_timelines_and_documents()
    {
        var admin = await site.LoggedInClientAsync(DemoAccounts.Administrator, DemoAccounts.Password);
        var response = await admin.GetAsync("/admin/registry/transfer/tasks.recipe.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("부평역 환승센터 정비", json); // Korean stays readable in the file
        var recipe = RecipeDescriptor.Parse(json);
        Assert.Equal("policyTasks", Assert.Single(recipe.Steps).GetProperty("name").GetString());

        var before = await CountsAsync();
        await site.WithScopeAsync(services => services.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe));
        var after = await CountsAsync();

        Assert.Equal(before.Tasks * 2, after.Tasks);
        Assert.Equal(before.Activities * 2, after.Activities);
        Assert.Equal(before.Documents * 2, after.Documents);
        Assert.Equal(before.Bytes * 2, after.Bytes);
        var copies = await site.WithDbAsync(db => db.Set<PolicyTask>().Where(t => t.Title == "수돗물 안심 종합계획").Select(t => new { t.Progress, Children = t.Children.Count() }).ToListAsync());
        Assert.Equal(2, copies.Count);
        Assert.All(copies, c => Assert.Equal(2, c.Children));
        Assert.Equal(copies[0].Progress, copies[1].Progress);
    }

    [Fact]
    public async Task Staff_without_the_registry_permission_cannot_export()
    {
        var staff = await site.LoggedInClientAsync(DemoAccounts.Staff, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/registry/transfer/tasks.recipe.json")).StatusCode);
    }

    private Task<(int Tasks, int Activities, int Documents, long Bytes)> CountsAsync() => site.WithDbAsync(async db => (
        await db.Set<PolicyTask>().CountAsync(),
        await db.Set<TaskActivity>().CountAsync(),
        await db.Set<TaskDocument>().CountAsync(),
        await db.Set<TaskDocument>().SumAsync(d => d.Length)));
}
