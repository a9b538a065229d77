using CitizenParticipation.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd;

[Collection(DemoSiteCollection.Name)]
public sealed class AccountTests(DemoSiteFixture site)
{
    private static async Task LogInAsync(IPage page, string email, string password)
    {
        var response = await page.GotoAsync("/account/login");
        Assert.Equal(200, response!.Status);
        await Axe.CheckAsync(page);
        await page.Locator("main input[name=Email]").FillAsync(email);
        await page.Locator("main input[name=Password]").FillAsync(password);
        await page.ClickAndWaitForLoadAsync(page.Locator("main form button[type=submit]").First);
        await Axe.CheckAsync(page);
        await PageAssert.VisibleAsync(page.Locator("#krds-header form[action='/account/logout'], header form[action='/account/logout']"));
    }

    [SkippableFact]
    public async Task Demo_administrator_logs_in_and_sees_the_admin_dashboard()
    {
        var page = await site.NewPageAsync();
        await LogInAsync(page, DemoSiteFixture.AdminEmail, DemoSiteFixture.DemoPassword);

        var response = await page.GotoAsync("/admin");
        Assert.Equal(200, response!.Status);
        Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("대시보드", await page.Locator("main h1").InnerTextAsync());
        await PageAssert.VisibleAsync(page.Locator("nav#admin-nav a[href^='/admin/']"));
        await PageAssert.VisibleAsync(page.Locator("a[href='/']"));
        await Axe.CheckAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, "admin-dashboard.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Visitor_registers_confirms_the_email_logs_in_and_switches_language()
    {
        var email = $"visitor-{Guid.NewGuid():N}@example.com";
        const string password = "Visit!2345x";
        var page = await site.NewPageAsync();

        var response = await page.GotoAsync("/account/register");
        Assert.Equal(200, response!.Status);
        await Axe.CheckAsync(page);
        await page.Locator("main input[name=Email]").FillAsync(email);
        await page.Locator("main input[name=DisplayName]").FillAsync("김시민");
        await page.Locator("main input[name=Password]").FillAsync(password);
        await page.Locator("main input[name=ConfirmPassword]").FillAsync(password);
        var region = await page.Locator("main select[name=RegionId] option").EvaluateAllAsync<string>(
            "options => options.map(o => o.value).find(v => v !== '')");
        Assert.False(string.IsNullOrEmpty(region), "The region list is empty.");
        await page.Locator("main select[name=RegionId]").SelectOptionAsync(region);
        // KRDS draws the box on the label, which is what a person clicks.
        await page.Locator("main label[for=ConfirmAge14OrOver]").ClickAsync();
        await page.Locator("main label[for=AgreeToTerms]").ClickAsync();
        Assert.True(await page.Locator("#ConfirmAge14OrOver").IsCheckedAsync());
        Assert.True(await page.Locator("#AgreeToTerms").IsCheckedAsync());
        await page.ClickAndWaitForLoadAsync(page.Locator("main form button[type=submit]").First);
        await Axe.CheckAsync(page);
        Assert.Equal(0, await page.Locator("main .krds-form-error, main .field-validation-error:not(:empty)").CountAsync());

        var mail = await site.Server.WaitForMailAsync(email, TimeSpan.FromSeconds(30));
        var link = mail.Links.FirstOrDefault(l => l.Contains("confirm", StringComparison.OrdinalIgnoreCase))
                   ?? throw new Xunit.Sdk.XunitException($"No confirmation link in the email:\n{string.Join("\n---\n", mail.Bodies)}");
        // The link names the host the site was configured with; follow it on the test server.
        var confirmation = new Uri(new Uri(site.BaseUrl), new Uri(link).PathAndQuery);
        var confirmed = await page.GotoAsync(confirmation.ToString());
        Assert.Equal(200, confirmed!.Status);
        await Axe.CheckAsync(page);
        // The link shows a button; pressing it confirms the address.
        await page.ClickAndWaitForLoadAsync(page.Locator("#confirm-email-button"));
        await PageAssert.VisibleAsync(page.Locator("main h1", new PageLocatorOptions { HasText = "이메일 주소 인증 완료" }));
        await Axe.CheckAsync(page);

        await LogInAsync(page, email, password);
        await PageAssert.VisibleAsync(page.Locator("#krds-header").GetByText("김시민"));

        await page.ClickAndWaitForLoadAsync(page.Locator("#krds-header [data-culture=en]"));
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Log out", (await page.Locator("#krds-header form[action='/account/logout'] button").InnerTextAsync()).Trim());
        await Axe.CheckAsync(page);

        await page.ClickAndWaitForLoadAsync(page.Locator("#krds-header [data-culture=ko]"));
        Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("로그아웃", (await page.Locator("#krds-header form[action='/account/logout'] button").InnerTextAsync()).Trim());
        await Axe.CheckAsync(page);
    }
}
