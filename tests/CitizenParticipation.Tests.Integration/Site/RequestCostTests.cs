using System.Net;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Tests.Integration.Site;

/// <summary>What reading a page costs the database: no writes at all.</summary>
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
}
