using CitizenParticipation.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd;

[Collection(DemoSiteCollection.Name)]
public sealed class PublicSiteTests(DemoSiteFixture site)
{
    private static readonly string[] SectionUrls = ["/petitions", "/debates", "/proposals", "/budget", "/mayors-office"];

    [SkippableFact]
    public async Task Korean_home_page_has_header_menu_and_footer_and_no_script()
    {
        var page = await site.NewPageAsync();
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);

        Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.scripts.length"));
        await PageAssert.VisibleAsync(page.Locator("#krds-skip-link a[href='#main']"), attached: true);
        await PageAssert.VisibleAsync(page.Locator("#krds-header .site-logo a"));
        await PageAssert.VisibleAsync(page.Locator("#krds-header [data-culture=en]"));
        await PageAssert.VisibleAsync(page.Locator("#krds-header a[href='/account/login']"));
        await PageAssert.VisibleAsync(page.Locator("main#main h1"));
        Assert.Contains("환영합니다", await page.Locator("main#main h1").InnerTextAsync());
        // The KRDS theme overrides the Home module's plain view at the same path.
        await PageAssert.VisibleAsync(page.Locator("main#main section.home-hero"));
        await PageAssert.VisibleAsync(page.Locator("footer#krds-footer"));
        Assert.Contains("©", await page.Locator("footer#krds-footer").InnerTextAsync());

        // The main menu lists only the participation sections whose module answers.
        foreach (var href in await page.Locator("#krds-header nav.site-menu a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            Assert.Contains(href, SectionUrls);
            var section = await page.Context.APIRequest.GetAsync(href);
            Assert.NotEqual(404, section.Status);
        }

        await Axe.CheckAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, "home-desktop.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Public_and_admin_pages_load_without_content_security_policy_violations()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");

        // The monitor hears the browser: an inline script added to the page is refused and reported.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.cpInline = 1'; document.body.appendChild(s); }");
        for (var i = 0; i < 50 && CspMonitor.Of(page).Count == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(CspMonitor.Of(page), v => v.Contains("script-src", StringComparison.Ordinal));
        Assert.False(await page.EvaluateAsync<bool>("() => window.cpInline === 1"));
        CspMonitor.Clear(page);

        await page.GotoAsync("/petitions");
        var petition = await page.Locator("main .pt-list a[href^='/petitions/']").First.GetAttributeAsync("href");
        await page.GotoAsync("/mayors-office");
        var task = await page.Locator("main a[href^='/mayors-office/tasks/']").First.GetAttributeAsync("href");
        var visited = new List<string>();
        foreach (var url in new[] { "/", "/petitions", petition!, "/mayors-office", task!, "/account/login", "/account/register", "/this-page-does-not-exist" })
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            visited.Add(url);
            CspMonitor.AssertNone(page);
        }

        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", DemoSiteFixture.AdminEmail);
        await page.FillAsync("#Password", DemoSiteFixture.DemoPassword);
        await page.ClickAndWaitForLoadAsync(page.Locator("main form button[type=submit]"));
        foreach (var url in new[] { "/admin", "/admin/petitions", "/admin/registry/tasks", "/admin/users", "/admin/settings", "/account/profile" })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            CspMonitor.AssertNone(page);
        }
    }

    [SkippableFact]
    public async Task Home_page_fits_a_360_px_wide_screen()
    {
        var page = await site.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/");
        await Axe.CheckAsync(page);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The page is {scrollWidth} px wide at a 360 px viewport.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, "home-360.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Unknown_page_answers_404_with_a_friendly_page()
    {
        var page = await site.NewPageAsync();
        var response = await page.GotoAsync("/this-page-does-not-exist");
        Assert.Equal(404, response!.Status);
        Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("페이지를 찾을 수 없습니다", (await page.Locator("main h1").InnerTextAsync()).Trim());
        await PageAssert.VisibleAsync(page.Locator("main a[href='/']"));
        await Axe.CheckAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, "404-desktop.png"), FullPage = true });
    }

    [SkippableTheory]
    [InlineData(400, "요청을 처리할 수 없습니다")]
    [InlineData(403, "이 페이지에 접근할 권한이 없습니다")]
    [InlineData(500, "일시적인 오류가 발생했습니다")]
    public async Task Error_pages_answer_with_their_status_code(int code, string heading)
    {
        var page = await site.NewPageAsync();
        var response = await page.GotoAsync($"/error/{code}");
        Assert.Equal(code, response!.Status);
        Assert.Equal(heading, (await page.Locator("main h1").InnerTextAsync()).Trim());
        await Axe.CheckAsync(page);
    }

    [SkippableFact]
    public async Task A_post_without_antiforgery_token_gets_the_friendly_400_page()
    {
        var page = await site.NewPageAsync();
        var response = await page.Context.APIRequest.PostAsync("/culture", new APIRequestContextOptions
        {
            Form = page.Context.APIRequest.CreateFormData().Set("culture", "en").Set("returnUrl", "/"),
        });
        Assert.Equal(400, response.Status);
        var html = await response.TextAsync();
        Assert.Contains("요청을 처리할 수 없습니다", html);
        Assert.Contains("<main id=\"main\"", html);
    }

    [SkippableFact]
    public async Task Language_switcher_works_without_javascript()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/this-page-does-not-exist?x=1");
        await page.ClickAndWaitForLoadAsync(page.Locator("#krds-header [data-culture=en]"));
        Assert.EndsWith("/this-page-does-not-exist?x=1", page.Url);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Page not found", (await page.Locator("main h1").InnerTextAsync()).Trim());
        await Axe.CheckAsync(page);

        await page.ClickAndWaitForLoadAsync(page.Locator("#krds-header [data-culture=ko]"));
        Assert.EndsWith("/this-page-does-not-exist?x=1", page.Url);
        Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
        await Axe.CheckAsync(page);
    }
}
