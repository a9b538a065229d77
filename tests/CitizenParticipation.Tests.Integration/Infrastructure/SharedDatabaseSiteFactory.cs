using Microsoft.AspNetCore.Hosting;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

/// <summary>A second instance of the site on the database (and data folder) of <paramref name="original"/>, as behind a load balancer.</summary>
public sealed class SharedDatabaseSiteFactory(SiteFactory original) : SiteFactory
{
    protected override bool StartsFromTemplate => false;
    protected override bool KeepsDatabase => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("App:DataPath", original.DataPath);
        if (original.IsPostgres)
        {
            builder.UseSetting("Database:ConnectionString", original.ConnectionString);
        }
    }
}
