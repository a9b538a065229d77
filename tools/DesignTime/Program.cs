using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Modules;
using CitizenParticipation.Data.PostgreSql;
using CitizenParticipation.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

Console.WriteLine("Design-time start-up project for EF Core migrations; see tools/add-migration.sh.");

/// <summary>Builds the composed model for one provider: <c>dotnet ef … -- Sqlite</c> or <c>-- PostgreSql</c>.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SiteDbContext>
{
    public SiteDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SiteDbContext>();
        if (args.Contains("PostgreSql"))
        {
            PostgreSqlDatabase.Configure(options, "Host=localhost;Database=design_time");
        }
        else
        {
            SqliteDatabase.Configure(options, $"Data Source={Path.Combine(Path.GetTempPath(), "design-time.db")}");
        }

        return new SiteDbContext(options.Options, ModuleCatalog.FromDependencyContext());
    }
}
