using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

/// <summary>
/// The real site through the real pipeline, on its own database: a temporary SQLite file, or (when
/// <c>CP_TEST_POSTGRES</c> holds a server connection string, as test.sh sets it) a fresh PostgreSQL database, each a
/// copy of one set up with the recipe once per test run (<see cref="SiteTemplates"/>).
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.example";
    public const string AdminPassword = "Admin!2345";

    private readonly string? _postgresDatabase;
    private bool _hostCreated;
    private string? _sqliteConnectionString;

    public SiteFactory() : this("blank") { }

    protected SiteFactory(string recipe)
    {
        Recipe = recipe;
        DataPath = Path.Combine(Path.GetTempPath(), "cp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        if (PostgresServer is not null)
        {
            _postgresDatabase = "cp_" + Guid.NewGuid().ToString("N");
        }
    }

    /// <summary>The configured public address: links in emails and feeds start with it.</summary>
    public const string PublicBaseUrl = "http://localhost";

    public string Recipe { get; }
    public string DataPath { get; }
    public string MailDirectory => Path.Combine(DataPath, "mail");
    /// <summary>Where the site keeps its SQLite database (App:DataPath/citizen.db).</summary>
    public string SqliteFile => Path.Combine(DataPath, "citizen.db");
    public string? DatabaseName => _postgresDatabase;

    public static string? PostgresServer => Environment.GetEnvironmentVariable("CP_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;
    public bool IsPostgres => _postgresDatabase is not null;
    public string? ConnectionString => _postgresDatabase is null ? null : $"{PostgresServer};Database={_postgresDatabase}";

    /// <summary>
    /// Whether the site starts on a copy of the database set up with <see cref="Recipe"/> instead of an empty one.
    /// A factory whose configuration would change what the setup writes must say no.
    /// </summary>
    protected virtual bool StartsFromTemplate => true;

    /// <summary>Whether the PostgreSQL database outlives the site (the template does).</summary>
    protected virtual bool KeepsDatabase => false;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Sites made with WithWebHostBuilder come here too, and share this site's database.
        var first = !_hostCreated;
        _hostCreated = true;
        if (first && StartsFromTemplate)
        {
            SiteTemplates.CopyTo(this);
        }

        var host = base.CreateHost(builder);
        if (first && !IsPostgres)
        {
            using var scope = host.Services.CreateScope();
            _sqliteConnectionString = scope.ServiceProvider.GetRequiredService<SiteDbContext>().Database.GetConnectionString();
        }

        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("App:DataPath", DataPath);
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        // Test accounts need no protection against offline guessing: every log-in and new account hashes a
        // password, and at full strength that was a large part of the suite's time.
        builder.UseSetting("Identity:PasswordHasher:IterationCount", "1000");
        builder.UseSetting("Setup:Recipe", Recipe);
        builder.UseSetting("Setup:AdminEmail", AdminEmail);
        builder.UseSetting("Setup:AdminPassword", AdminPassword);
        // Tests deliver mail themselves (DeliverMailAsync) so that they never race the background sender.
        builder.UseSetting("Mail:SenderEnabled", "false");
        if (_postgresDatabase is not null)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("Database:ConnectionString", ConnectionString);
        }
    }

    /// <summary>Sends what the outbox holds now, as the background sender would.</summary>
    public async Task<int> DeliverMailAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessOnceAsync(CancellationToken.None);
    }

    /// <summary>Runs <paramref name="action"/> against the site's database in a fresh scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<SiteDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<SiteDbContext>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        if (disposing && _hostCreated && IsPostgres && !KeepsDatabase)
        {
            try
            {
                using var scope = Services.CreateScope();
                scope.ServiceProvider.GetRequiredService<SiteDbContext>().Database.EnsureDeleted();
            }
            catch (Exception)
            {
                // The server is stopped by test.sh anyway; a leftover database is harmless.
            }
        }

        base.Dispose(disposing);
        if (disposing)
        {
            // Only this site's connections: other test classes' sites may be running.
            if (_sqliteConnectionString is not null)
            {
                SqliteConnection.ClearPool(new SqliteConnection(_sqliteConnectionString));
            }

            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>The site set up with the Incheon demo recipe.</summary>
public sealed class DemoSiteFactory() : SiteFactory("incheon-demo");
