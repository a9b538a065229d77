using System.Net;
using CitizenParticipation.Core.Navigation;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Site;

/// <summary>What reading a page costs the database: no writes at all, and a person's permissions read once.</summary>
public sealed class RequestCostTests(CommandLoggingDemoSiteFactory site) : IClassFixture<CommandLoggingDemoSiteFactory>
{
    [Fact]
    public async Task No_GET_endpoint_changes_the_database_for_visitors_or_administrators()
    {
        var ids = await DemoPages.IdsAsync(site);
        var gets = DemoPages.GetUrls(site, ids);
        var pending = await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Status == PetitionStatus.PendingModeration).MinAsync(p => p.Id));
        Assert.Contains($"/admin/petitions/{pending}", gets);

        var visitor = site.CreateBrowserClient();
        var admin = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.LoginAsync(DemoAccounts.Administrator, DemoAccounts.Password)).StatusCode);
        var before = await DatabaseSnapshot.TakeAsync(site);
        Assert.Contains("Petitions", before.Tables);

        var answers = new List<string>();
        foreach (var (who, client) in new[] { ("visitor", visitor), ("administrator", admin) })
        {
            foreach (var url in gets)
            {
                var response = await client.GetAsync(url);
                answers.Add($"{(int)response.StatusCode} {who} {url}");
            }
        }

        Assert.Contains($"200 administrator /admin/petitions/{pending}", answers);
        var changes = (await DatabaseSnapshot.TakeAsync(site)).ChangesSince(before);
        Assert.True(changes.Count == 0, "GET requests wrote to the database:\n" + string.Join("\n", changes) + "\n\nPages:\n" + string.Join("\n", answers));
    }

    [Fact]
    public async Task An_admin_page_reads_a_staff_members_permissions_once()
    {
        var staff = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await staff.LoginAsync(DemoAccounts.Staff, DemoAccounts.Password)).StatusCode);
        var entries = site.Services.GetServices<IAdminMenuProvider>().Sum(m => m.GetItems().Count());
        foreach (var page in new[] { "/admin", "/admin/petitions" })
        {
            site.Commands.Clear();
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(page)).StatusCode);
            var reads = site.Commands.Texts.Count(t => t.Contains("RolePermissions", StringComparison.Ordinal));
            Assert.True(reads == 1, $"{page} read the staff member's permissions {reads} times ({entries} admin menu entries).");
        }
    }
    [Fact]
    public async Task Dashboard_filters_that_name_nothing_share_one_cached_entry()
    {
        // Anonymous pages are output-cached per query string; the dashboard's figures behind them are cached per
        // filter the page offers, so made-up codes neither grow the cache nor reach the database again.
        var visitor = site.CreateClient();
        site.Commands.Clear();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/mayors-office?kind=Directive&field=made-up-1&region=nowhere-1")).StatusCode);
        Assert.Contains(site.Commands.Texts, t => t.Contains("RegistryTasks", StringComparison.Ordinal));
        foreach (var url in new[] { "/mayors-office?kind=Directive&field=made-up-2&region=nowhere-2", "/mayors-office?kind=Directive", "/mayors-office?kind=Directive&page=-7" })
        {
            site.Commands.Clear();
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).StatusCode);
            var reads = site.Commands.Texts.Count(t => t.Contains("RegistryTasks", StringComparison.Ordinal));
            Assert.True(reads == 0, $"{url} read the tasks {reads} times instead of the figures cached for the unfiltered dashboard.");
        }
    }
}
