using System.Net;
using CitizenParticipation.Core.Navigation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Users.Features.Admin;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Site;

/// <summary>What reading a page costs the database: no writes at all, and roles' permissions read once for all pages.</summary>
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
    public async Task Roles_permissions_are_read_once_for_all_pages_and_again_as_soon_as_they_change()
    {
        var staff = site.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await staff.LoginAsync(DemoAccounts.Staff, DemoAccounts.Password)).StatusCode);
        var entries = site.Services.GetServices<IAdminMenuProvider>().Sum(m => m.GetItems().Count());
        var reads = new List<string>();
        async Task<HttpStatusCode> Visit(string page)
        {
            site.Commands.Clear();
            var status = (await staff.GetAsync(page)).StatusCode;
            reads.Add($"{page}: {site.Commands.Texts.Count(t => t.Contains("RolePermissions", StringComparison.Ordinal))}");
            return status;
        }

        foreach (var page in new[] { "/admin", "/admin/petitions", "/petitions", "/admin" })
        {
            Assert.Equal(HttpStatusCode.OK, await Visit(page));
        }

        // Once at most for the first page (another test may have read them already), never for the next ones,
        // however many admin menu entries ask.
        Assert.True(reads[0] is "/admin: 0" or "/admin: 1" && reads.Skip(1).All(r => r.EndsWith(": 0", StringComparison.Ordinal)),
            $"permission reads per page ({entries} admin menu entries): {string.Join(", ", reads)}");

        var role = await site.WithDbAsync(db => db.Roles.Where(r => r.Name == StandardRoles.Staff).Select(r => r.Id).SingleAsync());
        await Send(new SetRolePermission.Command(role, CorePermissions.AccessAdmin.Name, Grant: false));
        try
        {
            reads.Clear();
            Assert.NotEqual(HttpStatusCode.OK, await Visit("/admin"));
            Assert.Equal(["/admin: 1"], reads);
        }
        finally
        {
            await Send(new SetRolePermission.Command(role, CorePermissions.AccessAdmin.Name, Grant: true));
        }

        Assert.Equal(HttpStatusCode.OK, await Visit("/admin"));
    }

    private Task Send<T>(MediatR.IRequest<T> request) => site.WithScopeAsync(services => services.GetRequiredService<MediatR.IMediator>().Send(request));

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
