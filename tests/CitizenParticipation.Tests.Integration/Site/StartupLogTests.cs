using System.Collections.Concurrent;
using System.Net;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Tests.Integration.Site;

/// <summary>Keeps every warning or worse that the site logs, from its start on.</summary>
public sealed class WarningLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
            }
        }
    }
}

/// <summary>
/// A site that logs to <see cref="Log"/> and builds its own EF Core model, as a freshly started process does: other
/// sites in the test process share the model they built first, and whatever was logged while building it.
/// </summary>
public sealed class WarningLogSiteFactory : SiteFactory
{
    private readonly MemoryCache _modelCache = new(new MemoryCacheOptions());

    public WarningLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Log);
            services.ConfigureDbContext<SiteDbContext>(options => options.UseMemoryCache(_modelCache), ServiceLifetime.Singleton);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _modelCache.Dispose();
        }
    }
}

/// <summary>A site that starts cleanly says nothing alarming: an operator reading the log at start-up sees only real problems.</summary>
public sealed class StartupLogTests(WarningLogSiteFactory site) : IClassFixture<WarningLogSiteFactory>
{
    [Fact]
    public async Task Starting_the_site_and_serving_pages_logs_no_warning_about_modules_without_tables()
    {
        var client = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/petitions")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(SiteFactory.AdminEmail, SiteFactory.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        Assert.DoesNotContain(site.Log.Entries, e => e.Contains("IEntityTypeConfiguration", StringComparison.Ordinal));
    }
}
