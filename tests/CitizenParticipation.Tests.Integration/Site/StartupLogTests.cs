using System.Collections.Concurrent;
using System.Net;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
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

public sealed class WarningLogSiteFactory : SiteFactory
{
    public WarningLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Log));
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
