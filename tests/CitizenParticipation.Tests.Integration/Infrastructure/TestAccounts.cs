using CitizenParticipation.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

public static class TestAccounts
{
    public const string Password = "Test!2345";

    /// <summary>Creates a confirmed account in the given roles straight through Identity, as an administrator would.</summary>
    public static Task<string> CreateUserAsync(this SiteFactory site, params string[] roles) => site.CreateNamedUserAsync("홍길동", roles);

    /// <summary>As <see cref="CreateUserAsync"/>, under the given display name.</summary>
    public static async Task<string> CreateNamedUserAsync(this SiteFactory site, string displayName, params string[] roles)
    {
        var email = $"user-{Guid.NewGuid():N}@test.example";
        await site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = new User
            {
                Id = Guid.NewGuid(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                ConfirmedAge14OrOver = true,
                CreatedAt = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            if (roles.Length > 0)
            {
                var added = await users.AddToRolesAsync(user, roles);
                Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
            }
        });
        return email;
    }

    /// <summary>A client with cookies, logged in through the login form; fails the test when the login is refused.</summary>
    public static async Task<HttpClient> LoggedInClientAsync(this SiteFactory site, string email, string password)
    {
        var client = site.CreateBrowserClient();
        var response = await client.LoginAsync(email, password);
        Assert.True(response.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.Found or System.Net.HttpStatusCode.SeeOther,
            $"Logging in as {email} answered {(int)response.StatusCode}.");
        return client;
    }

    public static Task<HttpClient> AdminClientAsync(this SiteFactory site) =>
        site.LoggedInClientAsync(SiteFactory.AdminEmail, SiteFactory.AdminPassword);
}
