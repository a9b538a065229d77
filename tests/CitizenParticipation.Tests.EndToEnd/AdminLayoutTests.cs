using CitizenParticipation.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd;

/// <summary>
/// Every admin page, as an administrator on a phone and on a desktop: axe-clean and no wider than the screen.
/// The pages are found the way an administrator finds them, by following the admin's links from the dashboard,
/// so their route parameters are real demo ids; one page per route shape. The site's own routes say which admin
/// pages there are: one that no link reaches is visited by its address, and one that needs an item no link leads to
/// fails the test, so that a page added without a menu link is checked too. The home page is checked with them, for
/// the public header's link to the admin.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class AdminLayoutTests(DemoSiteFixture site)
{
    /// <summary>Routes the crawl must reach, so that a broken link or menu does not shrink the test unnoticed.</summary>
    private static readonly string[] ExpectedShapes =
    [
        "/admin", "/admin/users", "/admin/users/{id}", "/admin/roles", "/admin/settings", "/admin/recipes",
        "/admin/regions", "/admin/regions/new", "/admin/regions/{id}/edit", "/admin/regions/{id}/boundary",
        "/admin/policy-fields", "/admin/policy-fields/{id}/edit", "/admin/departments", "/admin/departments/{id}/edit",
        "/admin/petitions", "/admin/petitions/{id}", "/admin/petitions/settings",
        "/admin/registry/tasks", "/admin/registry/tasks/new", "/admin/registry/tasks/{id}", "/admin/registry/tasks/{id}/edit",
        "/admin/registry/outcomes", "/admin/registry/officers", "/admin/registry/transfer",
        "/admin/discussion/queue", "/admin/discussion/blocks", "/admin/discussion/log", "/admin/discussion/settings",
    ];

    /// <summary>
    /// Admin GET routes that are not pages to check: each says why. Any other admin GET route must be visited.
    /// </summary>
    private static readonly Dictionary<string, string> NotPages = new(StringComparer.Ordinal)
    {
        // Downloads: the transfer page links to them, and they answer a file, not a page.
        ["admin/registry/transfer/tasks.csv"] = "a CSV download",
        ["admin/registry/transfer/tasks.recipe.json"] = "a recipe download",
        ["admin/discussion/log.csv"] = "a CSV download",
    };

    [SkippableFact]
    public async Task Every_admin_page_is_axe_clean_and_fits_the_screen_at_360_and_1280_px()
    {
        var desktop = await LoggedInAdminAsync(1280);
        var pages = await PageWalk.CrawlAsync(desktop, "/admin", link => link.StartsWith("/admin", StringComparison.Ordinal));
        var failures = ExpectedShapes.Except(pages.Keys).Select(shape => $"No link leads to {shape}").ToList();
        failures.AddRange(AddUnlinkedPages(pages));
        foreach (var (page, width) in new[] { (desktop, 1280), (await LoggedInAdminAsync(360), 360) })
        {
            // The public home page too: its header gains the link to the admin for the administrator.
            foreach (var url in pages.Values.Prepend("/"))
            {
                failures.AddRange(await PageWalk.CheckAsync(page, await page.GotoAsync(url), url, width));
            }

            await page.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {(pages.Count + 1) * 2} page views failed:\n" + string.Join("\n", failures));
    }

    /// <summary>The admin GET routes no crawled page reached (see <see cref="PageWalk.AddUnlinkedPages"/>).</summary>
    private static List<string> AddUnlinkedPages(SortedDictionary<string, string> pages)
    {
        var admin = SiteRoutes.All.Where(r => r.Accepts("GET") && PageWalk.IsAdmin(r.Template)).ToList();
        Assert.True(admin.Count >= ExpectedShapes.Length, $"The site's endpoint data names only {admin.Count} admin GET routes: {string.Join(", ", admin)}");
        return PageWalk.AddUnlinkedPages(pages, admin, NotPages, "admin link");
    }

    private Task<IPage> LoggedInAdminAsync(int width) => PageWalk.LoggedInAsync(site, width, DemoSiteFixture.AdminEmail);
}
