using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Debates;

/// <summary>The opinion map through the real pages: statements, votes (one per person, under load), who may take part and when, the computed groups.</summary>
public sealed class OpinionMapTests(DebateSiteFactory site) : IClassFixture<DebateSiteFactory>
{
    private async Task<int> DebateAsync(string title, string level = "EmailConfirmed") =>
        await site.DeliberatingDebateAsync(await site.ClientInRoleAsync(StandardRoles.Staff), await site.ClientInRoleAsync(StandardRoles.CommitteeMember),
            title + " " + Guid.NewGuid().ToString("N")[..4], level);

    private Task<List<StatementVoteRow>> VotesAsync(int statementId) =>
        site.WithDbAsync(db => db.Set<StatementVoteRow>().AsNoTracking().Where(v => v.StatementId == statementId).ToListAsync());

    private Task<int> ComputeAsync() => site.WithServicesAsync(services => services.GetRequiredService<IMediator>().Send(new ComputeOpinionMaps()));

    [Fact]
    public async Task Many_votes_at_once_leave_exactly_one_row_per_person_and_statement_and_voting_again_changes_the_vote()
    {
        var debate = await DebateAsync("부평 캠프마켓 활용");
        var author = await site.ClientInRoleAsync(StandardRoles.Citizen);
        Assert.Equal(HttpStatusCode.Redirect, (await author.AddStatementAsync(debate, "캠프마켓은 시민 공원으로 만들어야 한다")).StatusCode);
        var statement = await site.StatementIdAsync(debate, "캠프마켓은 시민 공원으로 만들어야 한다");
        var url = $"/debates/{debate}/statements/{statement}/vote";

        // One person, 200 requests at once.
        var token = await author.GetAntiforgeryTokenAsync($"/debates/{debate}");
        var values = new[] { "Agree", "Disagree", "Pass" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => author.PostAsync(url,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["vote"] = values[i % 3] }))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(await VotesAsync(statement));

        // Voting again changes the vote.
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFieldsAsync($"/debates/{debate}", url, ("vote", "Disagree"))).StatusCode);
        Assert.Equal(StatementVote.Disagree, Assert.Single(await VotesAsync(statement)).Value);

        // Fifty people, four requests each, all at once.
        var people = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 50; i++)
        {
            var client = await site.ClientInRoleAsync(StandardRoles.Citizen);
            people.Add((client, await client.GetAntiforgeryTokenAsync($"/debates/{debate}")));
        }

        var crowd = await Task.WhenAll(people.SelectMany(p => Enumerable.Range(0, 4).Select(i => p.Client.PostAsync(url,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = p.Token, ["vote"] = values[i % 3] })))));
        Assert.All(crowd, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var rows = await VotesAsync(statement);
        Assert.Equal(51, rows.Count);
        Assert.Equal(51, rows.Select(r => r.VoterId).Distinct().Count());
    }

    [Fact]
    public async Task A_statement_over_140_characters_is_refused_with_a_clear_message_and_not_saved()
    {
        var debate = await DebateAsync("인천 지하철 3호선");
        var citizen = await site.ClientInRoleAsync(StandardRoles.Citizen);

        var response = await citizen.AddStatementAsync(debate, new string('가', 141));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("140자", await response.Content.ReadAsStringAsync());
        Assert.False(await site.WithDbAsync(db => db.Set<Statement>().AnyAsync(s => s.DebateId == debate)));
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.AddStatementAsync(debate, new string('가', 140))).StatusCode);
    }

    [Fact]
    public async Task Statements_and_votes_are_refused_outside_deliberation_and_below_the_debates_verification_level()
    {
        var staff = await site.ClientInRoleAsync(StandardRoles.Staff);
        var committee = await site.ClientInRoleAsync(StandardRoles.CommitteeMember);
        var citizen = await site.ClientInRoleAsync(StandardRoles.Citizen);

        // Verified residents only: a citizen with a confirmed email address is refused.
        var residents = await site.DeliberatingDebateAsync(staff, committee, "검단신도시 교통 " + Guid.NewGuid().ToString("N")[..4], "ResidentVerified");
        var refused = await citizen.AddStatementAsync(residents, "광역버스 노선을 늘려야 한다");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("거주 확인", await refused.Content.ReadAsStringAsync());
        Assert.False(await site.WithDbAsync(db => db.Set<Statement>().AnyAsync(s => s.DebateId == residents)));

        // After deliberation: the statement written during it takes no more votes, and no new statements come.
        var debate = await DebateAsync("청라 소각장");
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.AddStatementAsync(debate, "소각장 대신 재활용을 늘려야 한다")).StatusCode);
        var statement = await site.StatementIdAsync(debate, "소각장 대신 재활용을 늘려야 한다");
        var token = await citizen.GetAntiforgeryTokenAsync($"/debates/{debate}");
        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "토론 조기 종료")).StatusCode);

        var late = await citizen.PostAsync($"/debates/{debate}/statements/{statement}/vote",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["vote"] = "Agree" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("숙의 단계", await late.Content.ReadAsStringAsync());
        Assert.Empty(await VotesAsync(statement));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await citizen.PostAsync($"/debates/{debate}/statements",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Text"] = "늦은 의견" }))).StatusCode);
    }

    [Fact]
    public async Task The_background_computation_stores_the_planted_groups_and_the_page_shows_them()
    {
        var debate = await DebateAsync("송도 워터프런트");
        var citizen = await site.ClientInRoleAsync(StandardRoles.Citizen);
        var texts = Enumerable.Range(1, 8).Select(i => $"워터프런트 쟁점 {i}번에 동의한다").ToList();
        foreach (var text in texts)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await citizen.AddStatementAsync(debate, text)).StatusCode);
        }

        var statements = new List<int>();
        foreach (var text in texts)
        {
            statements.Add(await site.StatementIdAsync(debate, text));
        }

        // Two planted camps of 12 and 8: the first agrees with statements 1-4 and disagrees with 5-7, the second the
        // opposite; everybody agrees with statement 8, the consensus.
        var people = await site.CreatePeopleAsync(20);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.WithDbAsync(async db =>
        {
            for (var p = 0; p < people.Count; p++)
            {
                var first = p < 12;
                for (var s = 0; s < 8; s++)
                {
                    var value = s == 7 ? StatementVote.Agree : (s < 4) == first ? StatementVote.Agree : StatementVote.Disagree;
                    db.Add(new StatementVoteRow(statements[s], debate, people[p], value, now));
                }
            }

            return await db.SaveChangesAsync();
        });

        Assert.Contains("map-pending", await site.CreateBrowserClient().GetHtmlAsync($"/debates/{debate}"));
        Assert.True(await ComputeAsync() >= 1);

        var record = await site.WithDbAsync(db => db.Set<OpinionMapRecord>().AsNoTracking().SingleAsync(m => m.DebateId == debate));
        var map = StoredOpinionMap.Read(record.Result)!;
        Assert.Equal([12, 8], map.Groups.Select(g => g.Participants.Count));
        Assert.Equal(statements[7], map.Consensus[0].Statement);
        Assert.Equal(160, record.VoteCount);
        Assert.Null(record.LockedUntil);
        // Nothing changed: nothing is computed again.
        Assert.Equal(0, await ComputeAsync());

        var page = await site.CreateBrowserClient().GetHtmlAsync($"/debates/{debate}");
        Assert.Equal(20, Regex.Matches(page, "<circle class=\"db-point db-group-").Count);
        Assert.Equal(12, Regex.Matches(page, "<circle class=\"db-point db-group-1\"").Count);
        Assert.Matches("<tr data-group=\"1\"><th scope=\"row\">[^<]*<span[^>]*></span>[^<]+</th><td>12</td>", page);
        Assert.Matches("<tr data-group=\"2\"><th scope=\"row\">[^<]*<span[^>]*></span>[^<]+</th><td>8</td>", page);
        Assert.Contains($"<li data-statement=\"{statements[7]}\">{texts[7]}", page);
        Assert.DoesNotContain("style=", page);
    }

    [Fact]
    public async Task A_committee_member_hides_a_statement_with_a_reason_shown_in_its_place_and_a_citizen_cannot()
    {
        var debate = await DebateAsync("문학산 정상 개방");
        var citizen = await site.ClientInRoleAsync(StandardRoles.Citizen);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.AddStatementAsync(debate, "담당 공무원 홍길동은 무능하다")).StatusCode);
        var statement = await site.StatementIdAsync(debate, "담당 공무원 홍길동은 무능하다");
        var hideUrl = $"/admin/debates/{debate}/statements/{statement}/hide";

        var token = await citizen.GetAntiforgeryTokenAsync($"/debates/{debate}");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync(hideUrl,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "개인 비방" }))).StatusCode);

        var committee = await site.ClientInRoleAsync(StandardRoles.CommitteeMember);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await committee.PostFieldsAsync($"/admin/debates/{debate}", hideUrl, ("Reason", ""))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await committee.PostFieldsAsync($"/admin/debates/{debate}", hideUrl, ("Reason", "특정인에 대한 비방"))).StatusCode);

        var page = await site.CreateBrowserClient().GetHtmlAsync($"/debates/{debate}");
        Assert.DoesNotContain("홍길동은 무능하다", page);
        Assert.Contains("위원회가 이 의견 문장을 숨겼습니다. 사유: 특정인에 대한 비방", page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await citizen.PostFieldsAsync($"/debates/{debate}", $"/debates/{debate}/statements/{statement}/vote", ("vote", "Agree"))).StatusCode);
    }

    [Fact]
    public async Task A_deleted_account_s_statement_and_vote_stay_under_the_anonymised_name()
    {
        var debate = await DebateAsync("계양산 둘레길");
        var citizen = await site.LoggedInClientAsync(await site.CreateNamedUserAsync("김지우", StandardRoles.Citizen), TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.AddStatementAsync(debate, "둘레길에 쉼터를 늘려야 한다")).StatusCode);
        var statement = await site.StatementIdAsync(debate, "둘레길에 쉼터를 늘려야 한다");
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostFieldsAsync($"/debates/{debate}", $"/debates/{debate}/statements/{statement}/vote", ("vote", "Agree"))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostFieldsAsync("/account/delete", "/account/delete", ("Password", TestAccounts.Password))).StatusCode);

        var kept = await site.WithDbAsync(db => db.Set<Statement>().AsNoTracking().SingleAsync(s => s.Id == statement));
        Assert.DoesNotContain("김지우", kept.AuthorName);
        Assert.Single(await VotesAsync(statement));
        Assert.DoesNotContain("김*우", await site.CreateBrowserClient().GetHtmlAsync($"/debates/{debate}"));
    }

    [Fact]
    public async Task A_debate_another_instance_is_computing_is_left_to_it()
    {
        var debate = await DebateAsync("강화 남단 개발");
        var citizen = await site.ClientInRoleAsync(StandardRoles.Citizen);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.AddStatementAsync(debate, "갯벌 보전이 먼저다")).StatusCode);
        var statement = await site.StatementIdAsync(debate, "갯벌 보전이 먼저다");
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostFieldsAsync($"/debates/{debate}", $"/debates/{debate}/statements/{statement}/vote", ("vote", "Agree"))).StatusCode);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.WithDbAsync(async db =>
        {
            db.Add(new OpinionMapRecord(debate) { LockedUntil = now.AddMinutes(3) });
            return await db.SaveChangesAsync();
        });

        await ComputeAsync();
        Assert.Null(await site.WithDbAsync(db => db.Set<OpinionMapRecord>().Where(m => m.DebateId == debate).Select(m => m.ComputedAt).SingleAsync()));

        // The claim of an instance that stopped expires.
        site.Clock.Advance(TimeSpan.FromMinutes(4));
        await ComputeAsync();
        Assert.NotNull(await site.WithDbAsync(db => db.Set<OpinionMapRecord>().Where(m => m.DebateId == debate).Select(m => m.ComputedAt).SingleAsync()));
    }

    [Fact]
    public async Task What_people_write_is_shown_as_text_and_the_briefing_through_the_markdown_sanitizer()
    {
        var staff = await site.ClientInRoleAsync(StandardRoles.Staff);
        var committee = await site.ClientInRoleAsync(StandardRoles.CommitteeMember);
        var debate = await site.AcceptAsync(committee, await site.RequestCandidateAsync(staff, "<b>인천대로</b> 일반도로화 " + Guid.NewGuid().ToString("N")[..4]));
        Assert.Equal(HttpStatusCode.Redirect, (await site.EditAsync(committee, debate, "인천대로 일반도로화",
            "## 배경\n\n<script>alert('briefing')</script>\n\n[자료](javascript:alert(1)) <img src=x onerror=alert(2)>")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "일정 단축")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "일정 단축")).StatusCode);
        var citizen = await site.ClientInRoleAsync(StandardRoles.Citizen);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.AddStatementAsync(debate, "<script>alert('statement')</script>")).StatusCode);

        Assert.Contains("<h2>배경</h2>", await site.CreateBrowserClient().GetHtmlAsync($"/debates/{debate}"));
        // As served, before any decoding: no element or attribute of theirs, only their text.
        var page = await site.CreateBrowserClient().GetStringAsync($"/debates/{debate}");
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("href=\"javascript:", page);
        Assert.DoesNotContain("<img", page);
        Assert.Contains("&lt;script&gt;alert(&#x27;statement&#x27;)&lt;/script&gt;", page);
        Assert.DoesNotContain("<b>인천대로</b>", await site.CreateBrowserClient().GetStringAsync("/debates/agenda"));
    }
}
