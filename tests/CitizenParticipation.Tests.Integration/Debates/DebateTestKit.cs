using System.Net;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Debates;

/// <summary>A site whose clock the test sets and whose opinion maps are computed only when the test asks, as the background service would.</summary>
public sealed class DebateSiteFactory : ClockedSiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Debates:MaintenanceEnabled", "false");
        builder.UseSetting("Events:PollIntervalSeconds", "1");
    }
}

public static class DebateTestKit
{
    public static async Task<HttpClient> ClientInRoleAsync(this SiteFactory site, string role) =>
        await site.LoggedInClientAsync(await site.CreateUserAsync(role), TestAccounts.Password);

    /// <summary>POSTs a form with the token of the page at <paramref name="formUrl"/>.</summary>
    public static Task<HttpResponseMessage> PostFieldsAsync(this HttpClient client, string formUrl, string postUrl, params (string Name, string Value)[] fields) =>
        client.PostFormAsync(formUrl, postUrl, fields.ToDictionary(f => f.Name, f => f.Value));

    /// <summary>A staff member requests a debate on behalf of the mayor; returns the candidate's id.</summary>
    public static async Task<int> RequestCandidateAsync(this SiteFactory site, HttpClient staff, string title)
    {
        var response = await staff.PostFieldsAsync("/admin/debates/agenda/request", "/admin/debates/agenda/request",
            ("Title", title), ("Description", "시장의 요청으로 시민 공론화가 필요한 사안을 위원회에 올립니다."));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await site.WithDbAsync(db => db.Set<AgendaCandidate>().Where(c => c.Title == title).Select(c => c.Id).SingleAsync());
    }

    /// <summary>The committee accepts the candidate; returns the new debate's id.</summary>
    public static async Task<int> AcceptAsync(this SiteFactory site, HttpClient committee, int candidateId)
    {
        var response = await committee.PostFieldsAsync("/admin/debates/agenda", $"/admin/debates/agenda/{candidateId}/accept");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await site.WithDbAsync(db => db.Set<AgendaCandidate>().Where(c => c.Id == candidateId).Select(c => c.DebateId!.Value).SingleAsync());
    }

    public static Task<HttpResponseMessage> EditAsync(this SiteFactory site, HttpClient committee, int debateId, string title, string briefing, string level = "EmailConfirmed")
    {
        var fields = new List<(string, string)> { ("Title", title), ("Summary", "요약"), ("Briefing", briefing), ("ArgumentsFor", "찬성 논거"), ("ArgumentsAgainst", "반대 논거"), ("MinimumLevel", level) };
        // From the site's today, which a test may have moved on.
        var start = KoreaTime.Today(site.Services.GetRequiredService<TimeProvider>());
        for (var i = 0; i < Debate.PlannedPhases.Count; i++)
        {
            fields.Add(($"Starts[{i}]", start.AddDays(i * 30).ToString("yyyy-MM-dd")));
            fields.Add(($"Ends[{i}]", start.AddDays(i * 30 + 29).ToString("yyyy-MM-dd")));
        }

        return committee.PostFieldsAsync($"/admin/debates/{debateId}", $"/admin/debates/{debateId}/edit", [.. fields]);
    }

    public static async Task<HttpResponseMessage> MoveOnAsync(this SiteFactory site, HttpClient committee, int debateId, string? reason)
    {
        var phase = await site.PhaseAsync(debateId);
        return await committee.PostFieldsAsync($"/admin/debates/{debateId}", $"/admin/debates/{debateId}/move-on", ("From", phase.ToString()), ("Reason", reason ?? ""));
    }

    public static Task<DebatePhase> PhaseAsync(this SiteFactory site, int debateId) =>
        site.WithDbAsync(db => db.Set<Debate>().Where(d => d.Id == debateId).Select(d => d.Phase).SingleAsync());

    /// <summary>A debate brought into deliberation through the committee's pages, at <paramref name="level"/>.</summary>
    public static async Task<int> DeliberatingDebateAsync(this SiteFactory site, HttpClient staff, HttpClient committee, string title, string level = "EmailConfirmed")
    {
        var debate = await site.AcceptAsync(committee, await site.RequestCandidateAsync(staff, title));
        Assert.Equal(HttpStatusCode.Redirect, (await site.EditAsync(committee, debate, title, "## 배경\n\n학습 자료입니다.", level)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "위원회 일정에 따라 앞당김")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "학습 자료 검토 완료")).StatusCode);
        Assert.Equal(DebatePhase.Deliberation, await site.PhaseAsync(debate));
        return debate;
    }

    public static Task<HttpResponseMessage> AddStatementAsync(this HttpClient client, int debateId, string text) =>
        client.PostFieldsAsync($"/debates/{debateId}", $"/debates/{debateId}/statements", ("Text", text));

    public static Task<int> StatementIdAsync(this SiteFactory site, int debateId, string text) =>
        site.WithDbAsync(db => db.Set<Statement>().Where(s => s.DebateId == debateId && s.Text == text).Select(s => s.Id).SingleAsync());

    /// <summary>People created straight in the database (no password), for vote matrices.</summary>
    public static Task<List<Guid>> CreatePeopleAsync(this SiteFactory site, int count) => site.WithDbAsync(async db =>
    {
        var people = Enumerable.Range(0, count).Select(i => new User
        {
            Id = Guid.NewGuid(), UserName = $"voter-{Guid.NewGuid():N}@test.example", NormalizedUserName = $"VOTER-{Guid.NewGuid():N}",
            Email = $"voter-{i}@test.example", EmailConfirmed = true, DisplayName = "참여자", CreatedAt = DateTime.UtcNow, SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(people);
        await db.SaveChangesAsync();
        return people.Select(p => p.Id).ToList();
    });
}
