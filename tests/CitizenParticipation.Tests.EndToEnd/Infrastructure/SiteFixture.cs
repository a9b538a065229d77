using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd.Infrastructure;

/// <summary>
/// One running site and one browser for a collection of tests. When they do not start, the collection's
/// <see cref="SiteStartTests"/> fails once with the cause (and the site's output) and every test that needs the
/// site is skipped, rather than each failing with the same long story.
/// </summary>
public abstract class SiteFixture(string recipe) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private SiteServer? _server;
    private IBrowser? _browser;
    private Exception? _startFailure;

    public SiteServer Server => _server ?? throw NotStarted();
    public IBrowser Browser => _browser ?? throw NotStarted();
    public string BaseUrl => Server.BaseUrl;

    /// <summary>Fails with the reason the site or the browser did not start.</summary>
    public void AssertStarted()
    {
        if (_startFailure is not null)
        {
            throw new SiteStartException($"The {recipe} site for the end-to-end tests did not start: {_startFailure.Message}");
        }
    }

    private Exception NotStarted() => _startFailure is null
        ? new InvalidOperationException("The site is not started.")
        : new SkipException($"The {recipe} site did not start; {nameof(SiteStartTests)} says why.");

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch (Exception e)
        {
            _startFailure = e;
        }
    }

    private async Task StartAsync()
    {
        _server = await SiteServer.StartAsync(recipe);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Playwright cannot download its own browsers here: Debian's chromium (apt-get install chromium).
            ExecutablePath = Environment.GetEnvironmentVariable("CP_E2E_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        await CspMonitor.WatchAsync(context);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The demo site: CP_E2E_RECIPE names another recipe.</summary>
public sealed class DemoSiteFixture() : SiteFixture(Environment.GetEnvironmentVariable("CP_E2E_RECIPE") is { Length: > 0 } recipe ? recipe : "incheon-demo")
{
    public const string AdminEmail = "admin@incheon.example";
    public const string CitizenEmail = "citizen@incheon.example";
    public const string DemoPassword = "Demo!2345";
}

[CollectionDefinition(Name)]
public sealed class DemoSiteCollection : ICollectionFixture<DemoSiteFixture>
{
    public const string Name = "Demo site";
}

[Collection(DemoSiteCollection.Name)]
public sealed class SiteStartTests(DemoSiteFixture site)
{
    [Fact]
    public void The_site_and_the_browser_start() => site.AssertStarted();
}
