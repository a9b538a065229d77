using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Tests.Integration.Infrastructure;
using CitizenParticipation.Tests.Integration.Users;

namespace CitizenParticipation.Tests.Integration.Admin;

public sealed class AdminAccessTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>Every admin route once: by GET when it answers GET, else by POST.</summary>
    private IReadOnlyList<(string Method, string Url)> AdminRoutes()
    {
        var admin = Endpoints.All(site.Services).Where(e => e.Metadata.GetMetadata<AdminAttribute>() is not null).ToList();
        return admin
            .GroupBy(e => e.Url, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Any(e => e.Accepts("GET")) ? "GET" : "POST", g.Key))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) =>
        method == "GET"
            ? client.GetAsync(url)
            : client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>()));

    [Fact]
    public void The_admin_routes_are_found()
    {
        var urls = AdminRoutes().Select(r => r.Url).ToList();
        foreach (var expected in new[] { "/admin", "/admin/settings", "/admin/recipes", "/admin/regions", "/admin/policy-fields", "/admin/departments" })
        {
            Assert.Contains(expected, urls);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page_from_every_admin_route()
    {
        var client = site.CreateBrowserClient();
        var wrong = new List<string>();
        foreach (var (method, url) in AdminRoutes())
        {
            var response = await SendAsync(client, method, url);
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/account/login", StringComparison.OrdinalIgnoreCase))
            {
                wrong.Add($"{method} {url} answered {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(wrong.Count == 0, "Not sent to the login page:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Citizens_are_refused_on_every_admin_route()
    {
        var email = await site.CreateUserAsync(StandardRoles.Citizen);
        var client = await site.LoggedInClientAsync(email, TestAccounts.Password);
        var wrong = new List<string>();
        foreach (var (method, url) in AdminRoutes())
        {
            var response = await SendAsync(client, method, url);
            if (!await IsForbiddenAsync(client, response))
            {
                wrong.Add($"{method} {url} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(wrong.Count == 0, "Not refused to a citizen:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task An_administrator_gets_the_dashboard()
    {
        var client = await site.AdminClientAsync();

        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("관리자 대시보드", html);
        Assert.Contains("/admin/settings", html);
        Assert.Contains("/admin/regions", html);
    }

    [Fact]
    public async Task The_dashboard_counts_people_by_verification_and_role_and_no_longer_counts_a_deleted_account()
    {
        var admin = await site.AdminClientAsync();
        async Task<Dictionary<string, int>> CountsAsync()
        {
            var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin"));
            var rows = Regex.Matches(html, @"<th scope=""row"">([^<]+)</th><td[^>]*>([\d,]+)</td>").ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
            Assert.Contains("합계", rows.Keys);
            return rows;
        }

        var before = await CountsAsync();
        var (citizen, _) = await site.SignedInCitizenAsync("counted");
        var joined = await CountsAsync();
        Assert.Equal(before["합계"] + 1, joined["합계"]);
        Assert.Equal(before["이메일 인증"] + 1, joined["이메일 인증"]);
        Assert.Equal(before["시민"] + 1, joined["시민"]);
        Assert.Equal(before["관리자"], joined["관리자"]);

        var deleted = await citizen.PostFormAsync("/account/delete", "/account/delete", new Dictionary<string, string> { ["Password"] = Accounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>403 itself, or the cookie handler's redirect to the access-denied page that answers 403.</summary>
    private static async Task<bool> IsForbiddenAsync(HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return true;
        }

        var location = response.Headers.Location?.OriginalString;
        if (response.StatusCode != HttpStatusCode.Redirect || location is null || !location.Contains("/error/403", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return (await client.GetAsync(location)).StatusCode == HttpStatusCode.Forbidden;
    }
}
