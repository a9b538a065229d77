using System.Net;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Users;

public sealed class UsersAdminTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private Task RunRecipeAsync(string json) =>
        site.WithScopeAsync(services => services.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDescriptor.Parse(json)));

    /// <summary>The administrator from configuration, whether or not the setup recipe has the step.</summary>
    private async Task<HttpClient> AdministratorAsync()
    {
        await RunRecipeAsync("""{ "name": "admin", "steps": [ { "name": "administrator" } ] }""");
        var client = site.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(SiteFactory.AdminEmail, SiteFactory.AdminPassword)).StatusCode);
        return client;
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/roles")]
    public async Task A_citizen_is_refused_the_admin_pages(string url)
    {
        var (client, _) = await site.SignedInCitizenAsync("citizen");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/roles")]
    public async Task An_anonymous_visitor_is_sent_to_log_in(string url)
    {
        var response = await site.Browser().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_lists_users_and_grants_a_permission_to_a_role()
    {
        var client = await AdministratorAsync();
        var list = await client.GetAsync("/admin/users?q=admin@test");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(SiteFactory.AdminEmail, await list.ReadTextAsync());

        var citizenRole = await site.WithDbAsync(db => db.Roles.Where(r => r.Name == "Citizen").Select(r => r.Id).SingleAsync());
        Assert.False(await site.WithDbAsync(db => db.RolePermissions.AnyAsync(rp => rp.RoleId == citizenRole && rp.Permission == "VerifyResidents")));

        var response = await client.PostFormAsync("/admin/roles", "/admin/roles", new Dictionary<string, string>
        {
            ["roleId"] = citizenRole.ToString(),
            ["permission"] = "VerifyResidents",
            ["grant"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await site.WithDbAsync(db => db.RolePermissions.AnyAsync(rp => rp.RoleId == citizenRole && rp.Permission == "VerifyResidents")));

        var revoked = await client.PostFormAsync("/admin/roles", "/admin/roles", new Dictionary<string, string>
        {
            ["roleId"] = citizenRole.ToString(),
            ["permission"] = "VerifyResidents",
            ["grant"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.RolePermissions.AnyAsync(rp => rp.RoleId == citizenRole && rp.Permission == "VerifyResidents")));
    }

    [Fact]
    public async Task An_administrator_verifies_a_resident_and_unlocks_an_account()
    {
        var (_, email) = await site.SignedInCitizenAsync("resident");
        var id = await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        for (var i = 0; i < 5; i++)
        {
            await site.Browser().LoginAsync(email, $"wrong password {i}");
        }

        var client = await AdministratorAsync();
        var page = await client.GetAsync($"/admin/users/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("잠금 해제", await page.ReadTextAsync());

        var verified = await client.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}/verify", new Dictionary<string, string> { ["verified"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var unlocked = await client.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}/unlock", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);

        var user = await site.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.True(user.ResidentVerified);
        Assert.NotNull(user.ResidentVerifiedAt);
        Assert.Null(user.LockoutEnd);
        Assert.Equal(HttpStatusCode.Redirect, (await site.Browser().LoginAsync(email, Accounts.Password)).StatusCode);
    }

    [Fact]
    public async Task The_last_administrator_keeps_the_role()
    {
        var client = await AdministratorAsync();
        var admin = await site.WithDbAsync(db => db.Users.Where(u => u.Email == SiteFactory.AdminEmail).Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await site.WithDbAsync(db => db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "Administrator"))));

        var response = await client.PostFormAsync($"/admin/users/{admin}", $"/admin/users/{admin}/roles", new Dictionary<string, string> { ["roles"] = "Staff" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("마지막 관리자", await response.ReadTextAsync());
        Assert.True(await site.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == admin && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "Administrator"))));
    }

    [Fact]
    public async Task The_users_step_creates_confirmed_accounts_that_can_log_in()
    {
        var email = Accounts.NewEmail("demo");
        await RunRecipeAsync($$"""
            { "name": "demo", "steps": [ { "name": "users", "users": [
              { "email": "{{email}}", "password": "demo pass 1", "displayName": "데모 직원", "roles": ["Staff"], "residentVerified": true, "culture": "en" } ] } ] }
            """);

        var user = await site.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.True(user.EmailConfirmed);
        Assert.True(user.ResidentVerified);
        Assert.Equal("en", user.PreferredCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await site.Browser().LoginAsync(email, "demo pass 1")).StatusCode);
    }

    [Fact]
    public async Task The_users_step_refuses_an_unknown_role_and_saves_nothing()
    {
        var first = Accounts.NewEmail("first");
        var second = Accounts.NewEmail("second");
        var json = $$"""
            { "name": "bad", "steps": [ { "name": "users", "users": [
              { "email": "{{first}}", "password": "demo pass 1", "displayName": "첫째", "roles": ["Citizen"] },
              { "email": "{{second}}", "password": "demo pass 1", "displayName": "둘째", "roles": ["Mayor"] } ] } ] }
            """;

        var error = await Assert.ThrowsAsync<RecipeException>(() => RunRecipeAsync(json));

        Assert.Contains("Mayor", error.Message);
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == first || u.Email == second)));
    }

    [Fact]
    public async Task The_users_step_refuses_an_unknown_region()
    {
        var email = Accounts.NewEmail("nowhere");
        var error = await Assert.ThrowsAsync<RecipeException>(() => RunRecipeAsync($$"""
            { "name": "bad", "steps": [ { "name": "users", "users": [
              { "email": "{{email}}", "password": "demo pass 1", "displayName": "어디", "region": "atlantis" } ] } ] }
            """));

        Assert.Contains("atlantis", error.Message);
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
