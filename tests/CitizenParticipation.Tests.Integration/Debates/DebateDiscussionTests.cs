using System.Net;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Debates;

/// <summary>The debate page hosts the Discussion module's thread: open while the debate deliberates, closed after.</summary>
public sealed class DebateDiscussionTests(DebateSiteFactory site) : IClassFixture<DebateSiteFactory>
{
    private Task<ThreadSummary> SummaryAsync(int debate) =>
        site.WithServicesAsync(services => services.GetRequiredService<IMediator>().Send(new GetThreadSummary(new ThreadKey("debate", debate))));

    [Fact]
    public async Task A_citizen_comments_with_a_stance_on_the_debate_page_and_the_thread_closes_when_deliberation_ends()
    {
        var staff = await site.ClientInRoleAsync(StandardRoles.Staff);
        var committee = await site.ClientInRoleAsync(StandardRoles.CommitteeMember);
        var citizen = await site.ClientInRoleAsync(StandardRoles.Citizen);
        var debate = await site.DeliberatingDebateAsync(staff, committee, "매립지 토론 " + Guid.NewGuid().ToString("N")[..4]);
        var page = $"/debates/{debate}";

        var form = await citizen.GetStringAsync(page);
        Assert.Contains("id=\"comment-form\"", form);
        var posted = await citizen.PostFieldsAsync(page, $"/discussion/debate/{debate}/comments",
            ("Body", "매립지 선정은 **주민 의견**을 먼저 들어야 합니다."), ("Stance", "Against"), ("returnUrl", page));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith(page, posted.Headers.Location!.OriginalString);
        Assert.Contains("<strong>주민 의견</strong>", await citizen.GetStringAsync(page));
        Assert.Equal(new ThreadSummary(1, 0, 0, 1), await SummaryAsync(debate));

        // Deliberation ends: the page still shows the comment, without a form, and a comment sent anyway is refused.
        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "숙의 일정 종료")).StatusCode);
        var closed = await citizen.GetStringAsync(page);
        Assert.Contains("<strong>주민 의견</strong>", closed);
        Assert.DoesNotContain("id=\"comment-form\"", closed);
        var late = await citizen.PostFieldsAsync($"/discussion/debate/{debate}", $"/discussion/debate/{debate}/comments",
            ("Body", "늦은 의견"), ("Stance", "For"), ("returnUrl", page));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal(new ThreadSummary(1, 0, 0, 1), await SummaryAsync(debate));
    }
}
