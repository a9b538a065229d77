using System.Net;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Site;

/// <summary>
/// The first releases' migrations were squashed into one Initial migration per provider. A new database gets it;
/// a database those migrations built is recognised by its history and keeps its data and its users' log-ins.
/// </summary>
public sealed class MigrationTests
{
    // The history of a database built by the migrations before the squash, exactly as such a database holds it.
    private static readonly string[] SqliteHistoryBeforeSquash =
    [
        "20261122082135_Initial", "20261122083016_Registry", "20261122090534_Petitions",
        "20261122115523_PetitionMailings", "20261127172229_DropPetitionMailingBaseUrl",
    ];

    private static readonly string[] PostgreSqlHistoryBeforeSquash =
    [
        "20261122082141_Initial", "20261122083024_Registry", "20261122090543_Petitions",
        "20261122115529_PetitionMailings", "20261127172238_DropPetitionMailingBaseUrl",
    ];

    [Fact]
    public async Task A_new_database_starts_from_the_squashed_initial_migration_and_a_database_built_before_the_squash_is_upgraded_keeping_its_rows_and_log_ins()
    {
        using var first = new SiteFactory();
        var client = first.CreateBrowserClient();
        var expected = await first.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        Assert.Equal("Initial", expected[0].Split('_')[1]);
        Assert.Equal(expected, await AppliedAsync(first));

        var login = await client.LoginAsync(SiteFactory.AdminEmail, SiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)).Split(';')[0];
        var rowsBefore = await RowsAsync(first);
        // The schema the old migrations built is the squashed Initial's: undo what came after it, then give the
        // database the old history.
        await first.WithScopeAsync(services => services.GetRequiredService<SiteDbContext>().GetService<IMigrator>().MigrateAsync(expected[0]));
        await RewriteHistoryAsync(first, first.IsPostgres ? PostgreSqlHistoryBeforeSquash : SqliteHistoryBeforeSquash);

        using var upgraded = new SharedDatabaseSiteFactory(first);
        var other = upgraded.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);

        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(request)).StatusCode);
        Assert.Equal(expected, await AppliedAsync(upgraded));
        Assert.Equal(rowsBefore, await RowsAsync(upgraded));
    }

    [Fact]
    public async Task A_database_part_way_through_the_migrations_before_the_squash_is_refused_with_what_to_do()
    {
        using var first = new SiteFactory();
        first.CreateClient();
        var history = first.IsPostgres ? PostgreSqlHistoryBeforeSquash : SqliteHistoryBeforeSquash;
        await RewriteHistoryAsync(first, history[..3]);

        using var upgraded = new SharedDatabaseSiteFactory(first);
        var refused = Assert.ThrowsAny<InvalidOperationException>(() => upgraded.CreateClient());

        Assert.Contains($"migrated up to {history[2]}", refused.Message);
        Assert.Contains("Start the previous version once", refused.Message);
        Assert.Equal(history[..3], await AppliedAsync(first));
    }

    private static Task<List<string>> AppliedAsync(SiteFactory site) =>
        site.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());

    private static Task<(int Users, int Roles, int Settings, string Keys)> RowsAsync(SiteFactory site) =>
        site.WithDbAsync(async db => (
            await db.Users.CountAsync(),
            await db.Roles.CountAsync(),
            await db.SiteSettings.CountAsync(),
            string.Join(",", await db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.FriendlyName).ToListAsync())));

    private static Task RewriteHistoryAsync(SiteFactory site, IEnumerable<string> migrationIds) =>
        site.WithScopeAsync(async services =>
        {
            var database = services.GetRequiredService<SiteDbContext>().Database;
            await database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" """);
            foreach (var id in migrationIds)
            {
                await database.ExecuteSqlAsync($"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({id}, {"10.0.14"})""");
            }
        });
}
