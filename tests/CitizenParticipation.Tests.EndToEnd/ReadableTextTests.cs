using System.Text.RegularExpressions;
using CitizenParticipation.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd;

/// <summary>
/// What a citizen reads is readable on a phone (360 px) and a desktop (1280 px): no text below 14 px, user text
/// with its lists, links and tables, and a signatures chart with dates and counts that fits the screen.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class ReadableTextTests(DemoSiteFixture site)
{
    private const string ListPetition = "인천 1호선 막차 시간을 30분 연장해 주세요";
    private static readonly int[] Widths = [360, 1280];

    /// <summary>
    /// Every visible element with text of its own that shows below 14 px, described: the computed font size, times the
    /// scale of an SVG drawing (the district map's labels too).
    /// </summary>
    private const string SmallText = """
        () => {
            const size = e => parseFloat(getComputedStyle(e).fontSize) * (e instanceof SVGGraphicsElement ? Math.hypot(e.getScreenCTM().a, e.getScreenCTM().b) : 1);
            return [...document.querySelectorAll('body *')].filter(e => {
                if (![...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) return false;
                const r = e.getBoundingClientRect();
                if (r.width <= 1 || r.height <= 1 || !e.checkVisibility({ visibilityProperty: true })) return false;
                return size(e) < 13.95;
            }).map(e => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') || ''}"> ${size(e).toFixed(1)} px: ${e.textContent.trim().slice(0, 40)}`);
        }
        """;

    /// <summary>Elements that reach past the right edge of the window, other than inside a box that scrolls or clips.</summary>
    private const string Overflowing = """
        () => {
            const clips = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
            return [...document.querySelectorAll('#main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !clips(e))
                .map(e => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') || ''}"> right ${Math.round(e.getBoundingClientRect().right)} px`);
        }
        """;

    private static async Task GoAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url) ?? throw new InvalidOperationException($"No response for {url}.");
        Assert.Equal(200, response.Status);
    }

    private static async Task AssertAtLeast14PxAsync(ILocator locator)
    {
        await PageAssert.VisibleAsync(locator);
        var size = await locator.First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(size >= 14, $"{locator} is {size} px.");
    }

    /// <summary>No small text, nothing wider than the window, and axe finds nothing serious.</summary>
    private static async Task AssertReadableAsync(IPage page)
    {
        var small = await page.EvaluateAsync<string[]>(SmallText);
        Assert.True(small.Length == 0, $"Text below 14 px on {page.Url} at {page.ViewportSize!.Width} px:\n{string.Join("\n", small)}");
        var wide = await page.EvaluateAsync<string[]>(Overflowing);
        Assert.True(wide.Length == 0, $"Wider than the window on {page.Url} at {page.ViewportSize!.Width} px:\n{string.Join("\n", wide)}");
        await Axe.CheckAsync(page);
    }

    private static async Task<string> HrefAsync(IPage page, string url, string linkText)
    {
        await GoAsync(page, url);
        return await page.Locator("main a", new PageLocatorOptions { HasText = linkText }).First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException($"No link to {linkText} on {url}.");
    }

    [SkippableFact]
    public async Task Nothing_a_citizen_reads_is_below_14_px_on_the_public_pages_at_360_and_1280_px()
    {
        foreach (var width in Widths)
        {
            var page = await site.NewPageAsync(width);
            await GoAsync(page, "/petitions");
            await AssertAtLeast14PxAsync(page.Locator(".pt-list .pt-meta"));
            await AssertAtLeast14PxAsync(page.Locator(".pt-list .pt-status"));
            await AssertReadableAsync(page);

            var petition = await HrefAsync(page, "/petitions", ListPetition);
            await GoAsync(page, petition);
            await AssertAtLeast14PxAsync(page.Locator("main .pt-meta"));
            await AssertAtLeast14PxAsync(page.Locator("main .pt-meta .pt-status"));
            await AssertReadableAsync(page);

            await GoAsync(page, "/petitions?tab=Answered");
            var answered = await page.Locator("main .pt-list a[href^='/petitions/']").First.GetAttributeAsync("href");
            await GoAsync(page, "/mayors-office");
            var task = await page.Locator("main a[href^='/mayors-office/tasks/']").First.GetAttributeAsync("href");
            foreach (var url in new[] { "/", "/petitions?tab=Answered", answered!, "/mayors-office", task!, "/account/login", "/account/register" })
            {
                await GoAsync(page, url);
                await AssertReadableAsync(page);
            }

            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The district map's labels read at 14 px or more where they show, and where the map is too small for that (a
    /// phone) the list next to it names every district the map shows.
    /// </summary>
    [SkippableFact]
    public async Task The_district_map_names_its_districts_at_14_px_or_more_at_360_and_1280_px()
    {
        foreach (var width in Widths)
        {
            var page = await site.NewPageAsync(width);
            await GoAsync(page, "/mayors-office");
            var map = page.Locator("#district-map");
            await PageAssert.VisibleAsync(map);
            var districts = await map.Locator("a.mo-district").CountAsync();
            Assert.True(districts >= 5, $"{districts} districts on the map at {width} px.");
            var labels = await map.Locator("text").EvaluateAllAsync<double[]>(
                "ts => ts.filter(t => t.checkVisibility()).map(t => parseFloat(getComputedStyle(t).fontSize) * Math.hypot(t.getScreenCTM().a, t.getScreenCTM().b))");
            if (width >= 1280)
            {
                Assert.True(labels.Length >= 2 * districts, $"{labels.Length} labels for {districts} districts at {width} px.");
            }
            else
            {
                var listed = await page.Locator("#district-list li a").AllTextContentsAsync();
                Assert.True(listed.Count >= districts, $"The list next to the map names {listed.Count} of {districts} districts at {width} px.");
                await AssertAtLeast14PxAsync(page.Locator("#district-list li"));
            }

            Assert.All(labels, size => Assert.True(size >= 13.95, $"A map label reads at {size:0.0} px at {width} px."));
            await AssertReadableAsync(page);
            await map.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, $"district-map-{width}.png") });
            await page.Context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task User_text_keeps_its_bullets_and_underlined_links_and_a_wide_table_scrolls_inside_the_page()
    {
        foreach (var width in Widths)
        {
            var page = await site.NewPageAsync(width);
            await GoAsync(page, await HrefAsync(page, "/petitions", ListPetition));
            var item = page.Locator("main .user-content li").First;
            await PageAssert.VisibleAsync(item);
            Assert.NotEqual("none", await item.EvaluateAsync<string>("e => getComputedStyle(e).listStyleType"));
            Assert.Equal("list-item", await item.EvaluateAsync<string>("e => getComputedStyle(e).display"));
            await page.Context.CloseAsync();
        }

        // A citizen previews a text with a table far wider than a phone.
        var author = await site.NewPageAsync(360);
        await GoAsync(author, "/account/login");
        await author.Locator("main input[name=Email]").FillAsync(DemoSiteFixture.CitizenEmail);
        await author.Locator("main input[name=Password]").FillAsync(DemoSiteFixture.DemoPassword);
        await author.ClickAndWaitForLoadAsync(author.Locator("main form button[type=submit]").First);
        await GoAsync(author, "/petitions/new");
        var columns = string.Join(" | ", Enumerable.Range(1, 8).Select(i => $"{i}월버스노선이용객수"));
        await author.Locator("#Title").FillAsync("표가 넓은 청원 미리보기");
        await author.Locator("#Body").FillAsync($"> 인용한 글\n\n1. 첫째\n2. 둘째\n\n[인천시](https://www.incheon.go.kr) 자료입니다.\n\n| {columns} |\n|{string.Concat(Enumerable.Repeat("---|", 8))}\n| {string.Join(" | ", Enumerable.Range(1, 8))} |");
        await author.Locator("#PolicyFieldId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await author.Locator("#RegionId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await author.ClickAndWaitForLoadAsync(author.Locator("#preview-button"));

        var preview = author.Locator("#preview .user-content");
        await PageAssert.VisibleAsync(preview);
        Assert.Equal("decimal", await preview.Locator("ol > li").First.EvaluateAsync<string>("e => getComputedStyle(e).listStyleType"));
        Assert.Contains("underline", await preview.Locator("a").First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"));
        Assert.NotEqual("0px", await preview.Locator("blockquote").EvaluateAsync<string>("e => getComputedStyle(e).borderLeftWidth"));
        var box = preview.Locator(".user-content-table");
        Assert.Equal("0", await box.GetAttributeAsync("tabindex"));
        Assert.True(await box.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth && e.getBoundingClientRect().right <= window.innerWidth"));
        await AssertReadableAsync(author);
        await author.Locator("#preview").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, "petition-preview-360.png") });
        await author.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task The_signatures_chart_has_dates_and_counts_on_its_axes_and_fits_a_phone_and_a_desktop()
    {
        foreach (var width in Widths)
        {
            var page = await site.NewPageAsync(width);
            await GoAsync(page, await HrefAsync(page, "/petitions", ListPetition));
            var chart = page.Locator("#signature-chart svg");
            await PageAssert.VisibleAsync(chart);
            Assert.False(string.IsNullOrWhiteSpace(await chart.GetAttributeAsync("aria-label")));

            var dates = await chart.Locator("text.pt-chart-date").AllTextContentsAsync();
            Assert.True(dates.Count >= 2, $"{dates.Count} date labels at {width} px.");
            Assert.All(dates, d => Assert.Matches(new Regex(@"^\d{1,2}\. ?\d{1,2}\.?$"), d));
            var counts = (await chart.Locator("text.pt-chart-count").AllTextContentsAsync()).Select(c => int.Parse(c.Replace(",", ""))).ToList();
            Assert.True(counts.Count >= 3, $"{counts.Count} count labels at {width} px.");
            var busiestDay = (await page.Locator("#signatures-by-day tbody tr").EvaluateAllAsync<int[]>("rows => rows.map(r => +r.dataset.count)")).Max();
            Assert.Equal(0, counts.Min());
            Assert.True(counts.Max() >= busiestDay, $"The count axis ends at {counts.Max()}, below the busiest day's {busiestDay}.");

            var size = await chart.BoundingBoxAsync() ?? throw new InvalidOperationException("The chart has no box.");
            Assert.True(size.X >= 0 && size.X + size.Width <= width, $"The chart spans {size.X}–{size.X + size.Width} px in a window of {width} px.");
            Assert.True(size.Width >= Math.Min(width - 40, 600) && size.Height is >= 180 and <= 320, $"The chart is {size.Width}×{size.Height} px at {width} px.");
            // The table stays for screen readers, folded away under the chart.
            Assert.Equal(1, await page.Locator("#signatures-by-day").CountAsync());
            Assert.False(await page.Locator("#signatures-by-day-details").EvaluateAsync<bool>("e => e.open"));
            await AssertReadableAsync(page);
            await page.Locator("section[aria-labelledby=chart-heading]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, $"petition-chart-{width}.png") });
            await page.Context.CloseAsync();
        }
    }
}
