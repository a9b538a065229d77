using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

/// <summary>
/// A site whose clock the test sets, whose requests can say which address they come from (header
/// <see cref="ClientIpHeader"/>, as a proxy would), and whose background petition maintenance is off
/// so that only the test runs it.
/// </summary>
public class ClockedSiteFactory : SiteFactory
{
    public const string ClientIpHeader = "X-Test-Client-IP";

    /// <summary>The site's clock: every handler asks TimeProvider for "now". It starts at the machine's time and only goes forward.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

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
