using System.Text;
using CitizenParticipation.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd;

/// <summary>The admin lists' pager, search and sortable headers as an administrator uses them, on a phone and on a desktop.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class AdminListTests(DemoSiteFixture site)
{
    private static async Task GoAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url) ?? throw new InvalidOperationException($"No response for {url}.");
        Assert.Equal(200, response.Status);
        await Axe.CheckAsync(page);
    }

    private static async Task LogInAsync(IPage page)
    {
        await GoAsync(page, "/account/login");
        await page.Locator("main input[name=Email]").FillAsync(DemoSiteFixture.AdminEmail);
        await page.Locator("main input[name=Password]").FillAsync(DemoSiteFixture.DemoPassword);
        await page.ClickAndWaitForLoadAsync(page.Locator("main form button[type=submit]").First);
        await PageAssert.VisibleAsync(page.Locator("form[action='/account/logout']"), attached: true);
    }

    /// <summary>Clicks a column header's link and checks that the list is sorted by it, back on its first page.</summary>
    private static async Task SortByAsync(IPage page, string header, string column, string direction)
    {
        await page.ClickAndWaitForLoadAsync(page.Locator("main th a.list-sort", new PageLocatorOptions { HasText = header }));
        await Axe.CheckAsync(page);
        Assert.Contains("sort=" + column, page.Url);
        Assert.DoesNotContain("page=", page.Url);
        var sorted = page.Locator("main th[aria-sort]");
        Assert.Equal(1, await sorted.CountAsync());
        Assert.Equal(direction, await sorted.GetAttributeAsync("aria-sort"));
        Assert.Contains(header, await sorted.InnerTextAsync());
    }

    [SkippableFact]
    public async Task Admin_lists_page_search_and_sort_on_a_phone_and_a_desktop()
    {
        // Sixty internal tasks through the import page give the task list a second page; nobody outside the admin sees them.
        var marker = "쪽넘김시험" + Guid.NewGuid().ToString("N")[..4];
        var setup = await site.NewPageAsync();
        await LogInAsync(setup);
        await GoAsync(setup, "/admin/registry/transfer");
        var csv = new StringBuilder("id,title,summary,kind,field,regions,latitude,longitude,department,officer,start,target,status,progress,parent,weight,public\n");
        for (var n = 0; n < 60; n++)
        {
            csv.Append($",{marker} 과제 {n:00},,,,bupyeong,,,,,,,,{n},,,false\n");
        }

        await setup.Locator("#import-form input[type=file]").SetInputFilesAsync(new FilePayload { Name = "tasks.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await setup.ClickAndWaitForLoadAsync(setup.Locator("#import-form button[type=submit]"));
        await Axe.CheckAsync(setup);
        var refused = setup.Locator("#import-errors");
        Assert.True(await refused.CountAsync() == 0, await refused.CountAsync() == 0 ? "" : await refused.InnerTextAsync());
        await setup.Context.CloseAsync();

        foreach (var width in new[] { 360, 1280 })
        {
            var page = await site.NewPageAsync(width);
            await LogInAsync(page);

            await GoAsync(page, "/admin/registry/tasks?q=" + Uri.EscapeDataString(marker));
            Assert.Contains("전체 60건, 2쪽 중 1쪽", await page.Locator("main .list-total").InnerTextAsync());
            await page.ClickAndWaitForLoadAsync(page.Locator("main nav.list-pager a[rel=next]"));
            await Axe.CheckAsync(page);
            Assert.Contains("page=2", page.Url);
            Assert.Contains("전체 60건, 2쪽 중 2쪽", await page.Locator("main .list-total").InnerTextAsync());
            Assert.Equal(10, await page.Locator("#admin-task-table tbody tr").CountAsync());
            Assert.Equal("2", (await page.Locator("main nav.list-pager a[aria-current=page]").InnerTextAsync()).Trim());
            await SortByAsync(page, "진척률", "Progress", "descending");
            Assert.Contains($"{marker} 과제 59", await page.Locator("#admin-task-table tbody tr").First.InnerTextAsync());
            await SortByAsync(page, "진척률", "Progress", "ascending");
            Assert.Contains($"{marker} 과제 00", await page.Locator("#admin-task-table tbody tr").First.InnerTextAsync());

            await GoAsync(page, "/admin/petitions");
            await SortByAsync(page, "동의", "Signatures", "descending");
            await page.Locator("main #q").FillAsync("응급실");
            await page.ClickAndWaitForLoadAsync(page.Locator("#petition-filter button[type=submit]"));
            await Axe.CheckAsync(page);
            Assert.Contains("sort=Signatures", page.Url);
            Assert.Equal("descending", await page.Locator("main th[aria-sort]").GetAttributeAsync("aria-sort"));
            await page.ClickAndWaitForLoadAsync(page.Locator("#admin-petitions tbody a").First);
            await Axe.CheckAsync(page);
            await PageAssert.VisibleAsync(page.Locator("#petition-history"), attached: true);

            await GoAsync(page, "/admin/users");
            await SortByAsync(page, "가입일", "Registered", "descending");
            await page.Context.CloseAsync();
        }
    }
}
