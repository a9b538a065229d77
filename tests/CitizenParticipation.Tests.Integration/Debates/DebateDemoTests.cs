using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Debates;

/// <summary>The demo recipe's debates: the landfill debate in deliberation and the offshore wind debate later on, with opinion groups, comments and agenda candidates.</summary>
public sealed class DebateDemoTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    [Fact]
    public async Task The_demo_has_the_two_debates_with_groups_on_the_map_comments_with_stances_and_agenda_candidates()
    {
        var debates = await site.WithDbAsync(db => db.Set<Debate>().AsNoTracking().OrderBy(d => d.Id).ToListAsync());
        var landfill = Assert.Single(debates, d => d.Title.Contains("자체매립지"));
        var wind = Assert.Single(debates, d => d.Title.Contains("해상풍력"));
        Assert.Equal(DebatePhase.Deliberation, landfill.Phase);
        Assert.True(wind.Phase > DebatePhase.Deliberation);
        Assert.All(new[] { landfill.Briefing, landfill.ArgumentsFor, landfill.ArgumentsAgainst, landfill.ExpertStatements }, text => Assert.NotEmpty(text));

        var visitor = site.CreateBrowserClient();
        foreach (var debate in new[] { landfill, wind })
        {
            var map = StoredOpinionMap.Read(await site.WithDbAsync(db => db.Set<OpinionMapRecord>().Where(m => m.DebateId == debate.Id).Select(m => m.Result).SingleAsync()));
            Assert.NotNull(map);
            Assert.True(map.Groups.Count >= 2, $"{debate.Title}: {map.Groups.Count} groups");
            var page = await visitor.GetHtmlAsync($"/debates/{debate.Id}");
            Assert.Contains("<circle class=\"db-point db-group-2\"", page);
            var summary = await site.WithServicesAsync(services => services.GetRequiredService<IMediator>().Send(new GetThreadSummary(new ThreadKey("debate", debate.Id))));
            Assert.True(summary.For > 0 && summary.Against > 0, $"{debate.Title}: {summary}");
        }

        // The landfill debate takes statements, votes and comments now: the demo citizen sees the forms.
        var citizen = await site.LoggedInClientAsync(DemoAccounts.Citizen, DemoAccounts.Password);
        var landfillPage = await citizen.GetHtmlAsync($"/debates/{landfill.Id}");
        Assert.Contains("id=\"comment-form\"", landfillPage);

        var candidates = await site.WithDbAsync(db => db.Set<AgendaCandidate>().AsNoTracking().ToListAsync());
        Assert.Contains(candidates, c => c.Source == AgendaSource.Citizen && c.State == AgendaState.CollectingSupports && c.Supports > 0);
        var declined = Assert.Single(candidates, c => c.State == AgendaState.Declined);
        Assert.False(string.IsNullOrWhiteSpace(declined.DeclineReason));
        var agenda = await visitor.GetHtmlAsync("/debates/agenda");
        Assert.Contains(WebUtility.HtmlEncode(declined.Title), agenda);
        Assert.Contains(declined.DeclineReason![..20], agenda);

        Assert.Equal(2, Regex.Matches(await visitor.GetStringAsync("/api/debates.csv"), "/debates/\\d+\\r\\n").Count);
    }
}
