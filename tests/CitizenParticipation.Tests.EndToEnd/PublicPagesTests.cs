using CitizenParticipation.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd;

/// <summary>
/// Every public page, as a logged-in citizen on a phone and on a desktop (and as a visitor where a citizen is sent
/// elsewhere, as from the log-in page): axe-clean and no wider than the screen. The pages are found by following the
/// site's links from the home page, so route parameters are real demo ids, one page per route shape; the site's own
/// routes say which public pages there are, and one that no link reaches is visited by its address or, if it needs an
/// item, fails the test unless <see cref="NotPages"/> says why it is not a page to check. The error pages are
/// visited with their own status codes, and the agreement page through its author's private link.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class PublicPagesTests(DemoSiteFixture site)
{
    /// <summary>Public GET routes that are not pages to check, each with its reason.</summary>
    private static readonly Dictionary<string, string> NotPages = new(StringComparer.Ordinal)
    {
        ["culture/{culture}"] = "the language switch: sets the choice and sends the visitor back",
        ["api/petitions/{id:int}"] = "open data (JSON)",
        ["petitions/{id:int}/counts"] = "the live counter's data (JSON)",
        ["petitions/{id:int}/sign"] = "sends a GET back to the petition (signing is a POST)",
        ["petitions/{id:int}/edit"] = "the author's draft in the form of /petitions/new, which is checked",
        ["mayors-office/tasks/{id:int}/feed.atom"] = "an Atom feed",
        ["registry/documents/{id:int}/{fileName?}"] = "a document download",
        ["discussion/{kind}/{id:int}/updates"] = "the thread's live updates (JSON)",
        ["discussion/comments/{commentId:int}"] = "a comment's permalink: sends the reader on to its thread's page",
        ["discussion/comments/{commentId:int}/edit"] = "the author's edit form of a comment, offered for 15 minutes after writing: the demo's comments are older",
        ["api/debates/{id:int}/statements"] = "open data (JSON)",
        ["api/debates/{id:int}/statements.csv"] = "open data (CSV)",
        ["api/debates/{id:int}/votes"] = "open data (JSON)",
        ["api/debates/{id:int}/votes.csv"] = "open data (CSV)",
    };

    /// <summary>Pages that answer with another status than 200 by design.</summary>
    private static readonly Dictionary<string, int> Statuses = new[] { 400, 403, 404, 405, 413, 429, 500 }
        .ToDictionary(code => $"/error/{code}", code => code, StringComparer.Ordinal)
        .Append(new("/this-page-does-not-exist", 404)).ToDictionary(StringComparer.Ordinal);

    [SkippableFact]
    public async Task Every_public_page_is_axe_clean_and_fits_the_screen_at_360_and_1280_px()
    {
        var desktop = await LoggedInCitizenAsync(1280);
        var pages = await PageWalk.CrawlAsync(desktop, "/", link => IsPublic(link.TrimStart('/')));
        // The agreement page is reached through the private link its author hands out (shown on /petitions/mine as
        // text to copy); the demo citizen collects agreements for one petition.
        await desktop.GotoAsync("/petitions/mine");
        foreach (var link in await desktop.Locator("main input.agree-link").EvaluateAllAsync<string[]>("inputs => inputs.map(i => new URL(i.value).pathname)"))
        {
            pages[PageWalk.Shape(link)] = link;
        }

        // The error pages, each with its status: shown in place of a failed request, and as a missing page.
        foreach (var url in Statuses.Keys)
        {
            pages[url + " (status)"] = url;
        }

        var failures = AddUnlinkedPages(pages);
        foreach (var width in new[] { 1280, 360 })
        {
            var citizen = width == 1280 ? desktop : await LoggedInCitizenAsync(width);
            var visitor = await site.NewPageAsync(width);
            foreach (var url in pages.Values)
            {
                // Routes found in the route table may answer data (CSV, JSON, feeds): not pages.
                if (!await PageWalk.IsPageAsync(citizen, url))
                {
                    continue;
                }

                var response = await citizen.GotoAsync(url);
                var page = citizen;
                if (new Uri(citizen.Url).AbsolutePath != url.Split('?')[0])
                {
                    // A page for visitors only (log-in, registration) sends a citizen on.
                    page = visitor;
                    response = await visitor.GotoAsync(url);
                }

                failures.AddRange(await PageWalk.CheckAsync(page, response, url, width, Statuses.GetValueOrDefault(url, 200)));
            }

            await citizen.Context.CloseAsync();
            await visitor.Context.CloseAsync();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures over {pages.Count} pages ({string.Join(", ", pages.Keys)}):\n" + string.Join("\n", failures));
    }

    private static bool IsPublic(string template) => !PageWalk.IsAdmin(template);

    private static List<string> AddUnlinkedPages(SortedDictionary<string, string> pages) =>
        PageWalk.AddUnlinkedPages(pages, SiteRoutes.All.Where(r => r.Accepts("GET") && IsPublic(r.Template)).ToList(), NotPages, "link");

    private Task<IPage> LoggedInCitizenAsync(int width) => PageWalk.LoggedInAsync(site, width, DemoSiteFixture.CitizenEmail);
}
