using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

/// <summary>
/// A site set up once per recipe for the whole test run, whose database each test class's site starts on a copy
/// of: the site then finds the setup done instead of running the recipe again (the demo recipe alone took about
/// ten seconds per class). Data protection keys live in the database, so the copies share them: harmless.
/// </summary>
internal static class SiteTemplates
{
    private static readonly ConcurrentDictionary<string, Lazy<Template>> Templates = new();
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "cp-tests", "templates-" + Guid.NewGuid().ToString("N"));

    static SiteTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();

    /// <summary>Gives <paramref name="site"/> a copy of the database set up with its recipe.</summary>
    public static void CopyTo(SiteFactory site)
    {
        // Built outside xunit's synchronisation context: the template's host blocks while it starts.
        var template = Templates.GetOrAdd(site.Recipe, recipe => new Lazy<Template>(() => Task.Run(() => Build(recipe)).GetAwaiter().GetResult())).Value;
        if (site.IsPostgres)
        {
            Execute($"CREATE DATABASE {Quote(site.DatabaseName!)} TEMPLATE {Quote(template.Database!)}");
        }
        else
        {
            File.Copy(template.File!, site.SqliteFile);
        }
    }

    private static Template Build(string recipe)
    {
        var site = new TemplateSiteFactory(recipe);
        try
        {
            _ = site.Services;
            if (site.IsPostgres)
            {
                return new Template(null, site.DatabaseName);
            }

            // The backup API reads through the write-ahead log, so the copy holds everything the recipe wrote.
            Directory.CreateDirectory(Folder);
            var file = Path.Combine(Folder, recipe + ".db");
            using var source = new SqliteConnection($"Data Source={site.SqliteFile};Pooling=False");
            using var copy = new SqliteConnection($"Data Source={file};Pooling=False");
            source.Open();
            copy.Open();
            source.BackupDatabase(copy);
            return new Template(file, null);
        }
        finally
        {
            site.Dispose();
            if (site.IsPostgres)
            {
                // CREATE DATABASE ... TEMPLATE refuses while anyone is connected to the template.
                NpgsqlConnection.ClearPool(new NpgsqlConnection(site.ConnectionString));
                Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{site.DatabaseName}' AND pid <> pg_backend_pid()");
            }
        }
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(SiteFactory.PostgresServer);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Quote(string name) => "\"" + name + "\"";

    private static void DeleteAll()
    {
        var databases = Templates.Values.Where(t => t.IsValueCreated).Select(t => t.Value.Database).OfType<string>().ToList();
        if (databases.Count > 0)
        {
            try
            {
                Execute(string.Concat(databases.Select(d => $"DROP DATABASE IF EXISTS {Quote(d)} WITH (FORCE);")));
            }
            catch (NpgsqlException)
            {
                // test.sh throws the server away anyway.
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private sealed record Template(string? File, string? Database);

    /// <summary>The site the template is made with: set up by its recipe, and its database kept when it stops.</summary>
    private sealed class TemplateSiteFactory(string recipe) : SiteFactory(recipe)
    {
        protected override bool StartsFromTemplate => false;
        protected override bool KeepsDatabase => true;
    }
}
