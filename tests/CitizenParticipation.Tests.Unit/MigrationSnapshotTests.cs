using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Modules;
using CitizenParticipation.Data.PostgreSql;
using CitizenParticipation.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Tests.Unit;

/// <summary>Every change to the composed model is held by a migration, for each provider; no database is opened.</summary>
public sealed class MigrationSnapshotTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public void The_migrations_hold_every_change_to_the_model(string provider)
    {
        var options = new DbContextOptionsBuilder<SiteDbContext>();
        if (provider == "PostgreSql")
        {
            PostgreSqlDatabase.Configure(options, "Host=localhost;Database=never_opened");
        }
        else
        {
            SqliteDatabase.Configure(options, $"Data Source={Path.Combine(Path.GetTempPath(), "never-opened.db")}");
        }

        using var db = new SiteDbContext(options.Options, ModuleCatalog.FromDependencyContext());

        Assert.True(db.Model.FindEntityType("CitizenParticipation.Modules.Petitions.Domain.Petition") is not null, "The modules' entities are in the model.");
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes that no migration holds: add one with tools/add-migration.sh NameOfTheChange.");
    }
}
