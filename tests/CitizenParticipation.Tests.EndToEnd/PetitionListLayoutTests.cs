using System.Text.Json;
using CitizenParticipation.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd;

/// <summary>The petition list's filters and the petition form, on a phone and on a desktop.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class PetitionListLayoutTests(DemoSiteFixture site)
{
    private sealed record Box(string Name, double X, double Y, double Width, double Height)
    {
        public double Right => X + Width;
        public double Bottom => Y + Height;
    }

    private static async Task<List<Box>> BoxesAsync(IPage page, string selector) =>
        JsonSerializer.Deserialize<List<Box>>(await page.Locator(selector).EvaluateAllAsync<string>(
            """
            els => JSON.stringify(els.map(e => {
                const r = e.getBoundingClientRect();
                return { name: e.tagName.toLowerCase() + '#' + (e.id || e.getAttribute('for') || e.textContent.trim()), x: r.x, y: r.y, width: r.width, height: r.height };
            }))
            """), new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth} px wide at a {width} px viewport.");
    }

    [SkippableTheory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task The_list_filters_sit_in_a_row_on_a_desktop_stack_with_space_on_a_phone_and_never_overlap(int width)
    {
        var page = await site.NewPageAsync(width: width, height: 900);
        var response = await page.GotoAsync("/petitions?q=" + Uri.EscapeDataString("막차"));
        Assert.Equal(200, response!.Status);
        await Axe.CheckAsync(page);
        await AssertFitsAsync(page, width);

        var labels = await BoxesAsync(page, "#petition-filter label");
        var controls = await BoxesAsync(page, "#petition-filter input:not([type=hidden]), #petition-filter select, #petition-filter button");
        Assert.Equal(4, labels.Count);
        var all = labels.Concat(controls).ToList();
        foreach (var a in all)
        {
            Assert.True(a.Right <= width, $"{a.Name} ends at {a.Right} px, past the {width} px screen.");
            foreach (var b in all.Where(b => b != a))
            {
                var overlaps = a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom;
                Assert.False(overlaps, $"{a.Name} overlaps {b.Name} at {width} px.");
            }
        }

        // A label keeps its distance from any control above it in its column.
        foreach (var label in labels)
        {
            foreach (var above in controls.Where(c => c.Bottom <= label.Y && c.X < label.Right && label.X < c.Right))
            {
                Assert.True(label.Y - above.Bottom >= 12, $"{label.Name} is {label.Y - above.Bottom:0} px below {above.Name} at {width} px.");
            }
        }

        var selects = controls.Where(c => c.Name.StartsWith("select#", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, selects.Count);
        if (width >= 1024)
        {
            Assert.True(selects.Max(s => s.Y) - selects.Min(s => s.Y) < 1, "On a desktop the field, region and sort choices sit in one row.");
        }
        else
        {
            Assert.True(selects[0].Bottom < selects[1].Y && selects[1].Bottom < selects[2].Y, "On a phone the choices stack.");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, $"petitions-search-{width}.png"), FullPage = true });
    }

    [SkippableTheory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task The_petition_form_counts_the_characters_of_its_long_fields(int width)
    {
        var page = await site.NewPageAsync(width: width, height: 900);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Email", DemoSiteFixture.CitizenEmail);
        await page.FillAsync("#Password", DemoSiteFixture.DemoPassword);
        await page.ClickAndWaitForLoadAsync(page.Locator("main form button[type=submit]"));

        var response = await page.GotoAsync("/petitions/new");
        Assert.Equal(200, response!.Status);
        await Axe.CheckAsync(page);
        await AssertFitsAsync(page, width);

        var titleCount = page.Locator("#Title-count");
        await PageAssert.VisibleAsync(titleCount);
        Assert.Equal("0 / 200", (await titleCount.InnerTextAsync()).Trim());
        await page.Locator("#Title").FillAsync("송도 해안 산책로");
        Assert.Equal("9 / 200", (await titleCount.InnerTextAsync()).Trim());

        var bodyCount = page.Locator("#Body-count");
        await page.Locator("#Body").FillAsync("밤에 너무 어둡습니다.");
        Assert.Equal("12 / 20,000", (await bodyCount.InnerTextAsync()).Trim());
        await Axe.CheckAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, $"petition-form-{width}.png"), FullPage = true });

        // The author's list of petitions, under the same words, fits too.
        await page.GotoAsync("/petitions/mine");
        await Axe.CheckAsync(page);
        await AssertFitsAsync(page, width);
    }
}
