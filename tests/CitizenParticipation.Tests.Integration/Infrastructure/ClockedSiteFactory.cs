using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

/// <summary>The site's clock, set by the test: every handler asks TimeProvider for "now".</summary>
public sealed class TestClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public DateTime UtcNow
    {
        get => new(Interlocked.Read(ref _ticks), DateTimeKind.Utc);
        set => Interlocked.Exchange(ref _ticks, DateTime.SpecifyKind(value, DateTimeKind.Utc).Ticks);
    }

    public override DateTimeOffset GetUtcNow() => new(UtcNow);
}

/// <summary>
/// A site whose clock the test sets, whose requests can say which address they come from (header
/// <see cref="ClientIpHeader"/>, as a proxy would), and whose background petition maintenance is off
/// so that only the test runs it.
/// </summary>
public sealed class ClockedSiteFactory : SiteFactory
{
    public const string ClientIpHeader = "X-Test-Client-IP";

    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Petitions:MaintenanceEnabled", "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientIpFromHeader>();
        });
    }

    /// <summary>A browser that presents itself as coming from <paramref name="ip"/>.</summary>
    public HttpClient CreateBrowserClient(string ip)
    {
        var client = CreateBrowserClient();
        client.DefaultRequestHeaders.Add(ClientIpHeader, ip);
        return client;
    }

    private sealed class ClientIpFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientIpHeader, out var value) && IPAddress.TryParse(value, out var ip))
                {
                    context.Connection.RemoteIpAddress = ip;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
