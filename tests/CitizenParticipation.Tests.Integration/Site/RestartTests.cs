using System.Net;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CitizenParticipation.Tests.Integration.Site;

/// <summary>Data Protection keys live in the database, so a log-in survives a restart and is valid on another instance.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_login_cookie_is_accepted_by_a_second_instance_on_the_same_database()
    {
        using var first = new SiteFactory();
        var client = first.CreateBrowserClient();
        var login = await client.LoginAsync(SiteFactory.AdminEmail, SiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        var cookieValue = cookie.Split(';')[0];

        using var second = new SharedDatabaseSiteFactory(first);
        var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookieValue);
        var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
