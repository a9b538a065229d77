using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd.Infrastructure;

/// <summary>One running site and one browser for a collection of tests.</summary>
public abstract class SiteFixture(string recipe) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private SiteServer? _server;
    private IBrowser? _browser;

    public SiteServer Server => _server ?? throw new InvalidOperationException("The site is not started.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");
    public string BaseUrl => Server.BaseUrl;

    public async Task InitializeAsync()
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
