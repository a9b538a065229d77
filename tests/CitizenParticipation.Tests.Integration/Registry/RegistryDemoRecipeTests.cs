using System.Net;
using System.Text.Json;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Tests.Integration.Registry;

/// <summary>The Incheon demo recipe's policy tasks, as a newcomer's first start creates them.</summary>
public sealed class RegistryDemoRecipeTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    private static readonly string[] Districts = ["jung", "dong", "michuhol", "yeonsu", "namdong", "bupyeong", "gyeyang", "seo", "ganghwa", "ongjin"];

    [Fact]
    public async Task The_demo_recipe_creates_about_thirty_tasks_with_timelines_documents_and_an_officer()
    {
        var tasks = await site.WithDbAsync(db => db.Set<PolicyTask>().AsNoTracking().Include(t => t.Regions).ToListAsync());
        Assert.InRange(tasks.Count, 28, 40);
        Assert.True(tasks.Select(t => t.PolicyFieldId).Distinct().Count() >= 10);
        var regionIds = await site.WithDbAsync(db => db.Regions.Where(r => Districts.Contains(r.Code)).Select(r => r.Id).ToListAsync());
        Assert.Equal(10, regionIds.Count);
        Assert.All(regionIds, id => Assert.Contains(tasks, t => t.Regions.Any(r => r.RegionId == id)));
        // The recipe's own tasks come with timelines and documents; the answered demo petitions add
        // citizen-born tasks through the outcome contract, whose timeline is the answer itself.
        var petitionLinks = await site.WithDbAsync(db => db.Set<PolicyTask>()
            .SelectMany(t => t.Activities.Where(a => a.OutcomeOrigin == OutcomeOrigin.Petition).Select(a => a.OutcomeLink!)).ToListAsync());
        Assert.Equal(2, petitionLinks.Count);
        var authored = tasks.Count - petitionLinks.Count;
        var withDocuments = await site.WithDbAsync(db => db.Set<PolicyTask>().CountAsync(t => t.Activities.Any(a => a.Documents.Any())));
        Assert.Equal(authored, withDocuments);
        var withTimeline = await site.WithDbAsync(db => db.Set<PolicyTask>().CountAsync(t => t.Activities.Count() >= 2));
        Assert.Equal(authored, withTimeline);
        var officer = await site.WithDbAsync(db => db.Set<OfficerAssignment>().Join(db.Users, a => a.UserId, u => u.Id, (a, u) => u.Email).ToListAsync());
        Assert.Equal([DemoAccounts.TransportOfficer], officer);
        var parent = tasks.Single(t => t.Title == "수돗물 안심 종합계획");
        Assert.Equal((55 + 70) / 2.0, parent.Progress, 0.5);

        var client = site.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/mayors-office?region=bupyeong"));
        Assert.Contains("부평역 환승센터 정비", html);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/mayors-office/map-data"));
        Assert.True(json.RootElement.GetProperty("markers").GetArrayLength() >= 15);
        foreach (var link in petitionLinks)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        }
    }
}
