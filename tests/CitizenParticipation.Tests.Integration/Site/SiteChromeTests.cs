using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Site;

/// <summary>What the layouts put around every page: a title that names the page, and the way into the admin.</summary>
public sealed partial class SiteChromeTests(CommandLoggingDemoSiteFactory site) : IClassFixture<CommandLoggingDemoSiteFactory>
{
    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<header id=\"krds-header\".*?</header>", RegexOptions.Singleline)]
    private static partial Regex PublicHeaderPattern();

    [GeneratedRegex("<span class=\"admin-brand-label\">(.*?)</span>")]
    private static partial Regex AdminLabelPattern();

    [Fact]
    public async Task Every_page_title_names_the_page_then_the_site()
    {
        var settings = await site.WithServicesAsync(async s => await s.GetRequiredService<SiteSettingsService>().GetAsync());
        var siteName = settings.SiteNameKo;
        Assert.False(string.IsNullOrWhiteSpace(siteName));
        var ids = await DemoPages.IdsAsync(site);
        var gets = DemoPages.GetUrls(site, ids);
        Assert.Contains("/account/login", gets);
        Assert.Contains("/admin/roles", gets);

        var visitor = site.CreateBrowserClient();
        var admin = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.LoginAsync(DemoAccounts.Administrator, DemoAccounts.Password)).StatusCode);
        var adminLabel = AdminLabelPattern().Match(await admin.GetHtmlAsync("/admin")).Groups[1].Value;
        Assert.NotEmpty(adminLabel);

        var checkedPages = 0;
        var wrong = new List<string>();
        foreach (var (who, client) in new[] { ("visitor", visitor), ("administrator", admin) })
        {
            foreach (var url in gets.Append("/no-such-page"))
            {
                var response = await client.GetAsync(url);
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                checkedPages++;
                var title = TitlePattern().Match(await response.Content.ReadAsStringAsync()) is { Success: true } m
                    ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim()
                    : null;
                if (PageName(title, siteName, adminLabel) is null)
                {
                    wrong.Add($"{(int)response.StatusCode} {who} {url}: <title>{title}</title>");
                }
            }
        }

        Assert.True(checkedPages > 50, $"Only {checkedPages} pages were HTML.");
        Assert.True(wrong.Count == 0, $"These pages' titles do not name the page before \"{siteName}\":\n" + string.Join("\n", wrong));
    }

    /// <summary>"로그인 - 사이트" gives "로그인"; admin pages say "사용자 - 관리 메뉴 - 사이트".</summary>
    private static string? PageName(string? title, string siteName, string adminLabel)
    {
        var suffix = " - " + siteName;
        if (title is null || !title.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var page = title[..^suffix.Length];
        if (page.EndsWith(" - " + adminLabel, StringComparison.Ordinal))
        {
            page = page[..^(" - " + adminLabel).Length];
        }

        return string.IsNullOrWhiteSpace(page) || page == adminLabel || page == siteName ? null : page;
    }

    [Theory]
    [InlineData(DemoAccounts.Administrator, true)]
    [InlineData(DemoAccounts.Staff, true)]
    [InlineData(DemoAccounts.TransportOfficer, true)]
    [InlineData(DemoAccounts.Citizen, false)]
    [InlineData(null, false)]
    public async Task The_public_header_links_to_the_admin_for_people_who_may_enter_it(string? account, bool linked)
    {
        var client = site.CreateBrowserClient();
        if (account is not null)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(account, DemoAccounts.Password)).StatusCode);
        }

        foreach (var page in new[] { "/", "/petitions", "/mayors-office" })
        {
            site.Commands.Clear();
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var header = PublicHeaderPattern().Match(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())).Value;
            Assert.NotEmpty(header);
            Assert.Equal(linked, header.Contains("<a href=\"/admin\"", StringComparison.Ordinal));
            Assert.Equal(linked, header.Contains("관리자 화면", StringComparison.Ordinal));
            var reads = site.Commands.Texts.Count(t => t.Contains("RolePermissions", StringComparison.Ordinal));
            Assert.True(reads <= 1, $"{page} read {account}'s permissions {reads} times.");
            if (account is null)
            {
                Assert.Equal(0, reads);
            }
        }

        if (linked)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        }
    }
}
