using System.Collections.Concurrent;
using System.Data.Common;
using CitizenParticipation.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

/// <summary>
/// The demo site with nothing writing in the background (petition maintenance is off, mail is never sent), which
/// keeps the text of every database command its contexts send in <see cref="Commands"/>.
/// </summary>
public sealed class CommandLoggingDemoSiteFactory() : SiteFactory("incheon-demo")
{
    public DbCommandLog Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Petitions:MaintenanceEnabled", "false");
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<SiteDbContext>(options => options.AddInterceptors(Commands), ServiceLifetime.Singleton));
    }
}

public sealed class DbCommandLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _texts = new();

    public IReadOnlyList<string> Texts => _texts.ToList();

    public void Clear() => _texts.Clear();

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        _texts.Enqueue(result.CommandText);
        return result;
    }
}
