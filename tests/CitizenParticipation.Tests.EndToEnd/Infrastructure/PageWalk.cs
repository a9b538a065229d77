using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using Xunit.Sdk;

namespace CitizenParticipation.Tests.EndToEnd.Infrastructure;

/// <summary>
/// What the page walks share (every admin page, every public page): finding one page per route shape by following
/// the site's links, and checking a page at one width: its status, no wider than the screen, axe-clean.
/// </summary>
public static partial class PageWalk
{
    [GeneratedRegex("^([0-9]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")]
    private static partial Regex IdSegment();

    /// <summary>A URL's route shape: its path with ids replaced by <c>{id}</c>.</summary>
    public static string Shape(string url) =>
        string.Join('/', url.Split('?')[0].TrimEnd('/').Split('/').Select(s => IdSegment().IsMatch(s) ? "{id}" : s)) is { Length: > 0 } shape ? shape : "/";

    /// <summary>The first URL found for each route shape, following the links that <paramref name="follow"/> accepts from <paramref name="start"/>.</summary>
    public static async Task<SortedDictionary<string, string>> CrawlAsync(IPage page, string start, Func<string, bool> follow)
    {
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Shape(start) };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var url))
        {
            // Downloads and feeds are links too, but not pages.
            if (!await IsPageAsync(page, url))
            {
                continue;
            }

            pages[Shape(url)] = url;
            await page.GotoAsync(url);
            var links = await page.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            foreach (var path in links.Select(link => link.Split('#')[0]).Where(p => p.Length > 0 && follow(p)))
            {
                if (seen.Add(Shape(path)))
                {
                    queue.Enqueue(path);
                }
            }
        }

        return pages;
    }

    /// <summary>Whether a route template or a path (without its leading slash) is the admin's.</summary>
    public static bool IsAdmin(string template) => template == "admin" || template.StartsWith("admin/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Adds the GET <paramref name="routes"/> that no crawled page matches: by their address when they have no parameters;
    /// a route with parameters that no link filled is a failure, unless <paramref name="notPages"/> says why it is not a page.
    /// </summary>
    public static List<string> AddUnlinkedPages(SortedDictionary<string, string> pages, IReadOnlyCollection<SiteRoute> routes, IReadOnlyDictionary<string, string> notPages, string link)
    {
        Assert.True(notPages.Keys.All(t => routes.Any(r => r.Template == t)), "An excluded route is no longer a route of the site: " + string.Join(", ", notPages.Keys));
        var failures = new List<string>();
        foreach (var route in routes.Where(r => !notPages.ContainsKey(r.Template) && !pages.Values.Any(r.Matches)))
        {
            if (route.HasParameters)
            {
                failures.Add($"No {link} leads to a page of {route}, so it was not checked: link to it, or say in NotPages why it is not a page");
            }
            else
            {
                pages[Shape("/" + route.Template)] = "/" + route.Template;
            }
        }

        return failures;
    }

    /// <summary>A page of the demo site, logged in as <paramref name="email"/> through the log-in form.</summary>
    public static async Task<IPage> LoggedInAsync(DemoSiteFixture site, int width, string email)
    {
        var page = await site.NewPageAsync(width);
        Assert.Equal(200, (await page.GotoAsync("/account/login"))!.Status);
        await page.Locator("main input[name=Email]").FillAsync(email);
        await page.Locator("main input[name=Password]").FillAsync(DemoSiteFixture.DemoPassword);
        await page.ClickAndWaitForLoadAsync(page.Locator("main form button[type=submit]").First);
        return page;
    }

    /// <summary>Whether the URL answers HTML rather than data (CSV, JSON, a feed, a file).</summary>
    public static async Task<bool> IsPageAsync(IPage page, string url) =>
        (await page.Context.APIRequest.GetAsync(url)).Headers.GetValueOrDefault("content-type")?.StartsWith("text/html", StringComparison.Ordinal) == true;

    /// <summary>What is wrong with the page just opened at <paramref name="width"/>: its status, a width past the screen, axe's findings.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IPage page, IResponse? response, string url, int width, int status = 200)
    {
        if (response?.Status != status)
        {
            return [$"{width} px {url}: {response?.Status}"];
        }

        var failures = new List<string>();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
        {
            failures.Add($"{width} px {url}: the page is {widths[0]} px wide, because of {await WidestAsync(page)}");
        }

        try
        {
            await Axe.CheckAsync(page);
        }
        catch (XunitException e)
        {
            failures.Add($"{width} px {e.Message}");
        }

        return failures;
    }

    /// <summary>
    /// The outermost elements that reach past the screen's right edge, to say what to fix: not those that a scroll box
    /// clips, unless they are positioned absolutely (which can escape it).
    /// </summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => {
            const scrolled = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
            const wide = new Set([...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                && (getComputedStyle(e).position === 'absolute' || !scrolled(e))));
            return [...wide].filter(e => !wide.has(e.parentElement)).slice(0, 5)
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${[...e.classList].map(c => '.' + c).join('')} (${Math.round(e.getBoundingClientRect().right)} px)`)
                .join(', ');
        }
        """);
}
