using System.Net;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Site;

/// <summary>Every text the site's pages show in Korean has a Korean translation: every GET endpoint, for visitors and administrators.</summary>
public sealed class TranslationTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    private static readonly string[] PublicPages =
    [
        "/", "/account/login", "/account/register", "/account/forgot-password", "/account/resend-confirmation",
        "/error/404", "/error/403", "/error/500", "/no-such-page",
    ];

    private static readonly string[] AdminPages =
    [
        "/admin", "/admin/users", "/admin/roles", "/admin/settings", "/admin/recipes",
        "/admin/regions", "/admin/policy-fields", "/admin/departments", "/account/profile", "/account/change-password", "/account/delete",
    ];

    [Fact]
    public async Task Pages_in_Korean_use_no_untranslated_text()
    {
        var catalog = site.Services.GetRequiredService<TranslationCatalog>();
        catalog.Missing.Clear();
        var ids = await DemoPages.IdsAsync(site);
        Assert.True(ids.Petitions.Count >= 5, $"The demo has petitions in only {ids.Petitions.Count} states.");
        Assert.NotEmpty(ids.Tasks);

        var gets = DemoPages.GetUrls(site, ids);
        Assert.Contains("/mayors-office", gets);
        Assert.Contains($"/mayors-office/tasks/{ids.Tasks[0]}", gets);
        Assert.Contains($"/admin/petitions/{ids.Petitions[0]}", gets);

        var anonymous = site.CreateBrowserClient();
        foreach (var page in PublicPages)
        {
            var response = await anonymous.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.InternalServerError, $"{page}: {response.StatusCode}");
        }

        var admin = site.CreateBrowserClient();
        var login = await admin.LoginAsync(DemoAccounts.Administrator, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        foreach (var page in AdminPages)
        {
            var response = await admin.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
        }

        var answers = new List<string>();
        foreach (var (who, client) in new[] { ("visitor", anonymous), ("administrator", admin) })
        {
            foreach (var url in gets)
            {
                var response = await client.GetAsync(url);
                answers.Add($"{(int)response.StatusCode} {who} {url}");
            }
        }

        var missing = catalog.Missing.Keys.Where(k => k.Culture == "ko").Select(k => k.Text).Order().ToList();
        Assert.True(missing.Count == 0, "Texts without a Korean translation:\n" + string.Join("\n", missing) + "\n\nPages:\n" + string.Join("\n", answers));
    }
}
