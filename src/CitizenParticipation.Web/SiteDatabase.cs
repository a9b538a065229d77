using CitizenParticipation.Core;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Data.PostgreSql;
using CitizenParticipation.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Web;

/// <summary>Chooses the database provider from configuration: a SQLite file by default, PostgreSQL on request.</summary>
internal static class SiteDatabase
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, SitePaths paths)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                PostgreSqlDatabase.Configure(options, database.ConnectionString
                    ?? throw new InvalidOperationException("Database:ConnectionString is required for PostgreSQL."));
                break;
            default:
                SqliteDatabase.Configure(options, string.IsNullOrWhiteSpace(database.ConnectionString)
                    ? $"Data Source={Path.Combine(paths.AppData, "citizen.db")}"
                    : database.ConnectionString);
                break;
        }
    }
}
