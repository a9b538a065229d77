using System.Net;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using CitizenParticipation.Tests.Integration.Petitions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Debates;

/// <summary>The agenda and the debate's phases through the real pages: where candidates come from, the committee's decisions, the log, who may do what.</summary>
public sealed class DebateAgendaTests(DebateSiteFactory site) : IClassFixture<DebateSiteFactory>
{
    private Task<List<AgendaCandidate>> CandidatesOfPetitionAsync(int petitionId) => site.WithDbAsync(db =>
        db.Set<AgendaCandidate>().AsNoTracking().Where(c => c.Source == AgendaSource.Petition && c.OriginId == petitionId.ToString()).ToListAsync());

    [Fact]
    public async Task A_petition_proposed_for_deliberation_becomes_one_candidate_however_often_the_outcome_is_handed_over()
    {
        await site.SetPetitionSettingsAsync(s => s with { AnswerThreshold = 100, AgendaThreshold = 1 });
        var id = await site.OpenPetitionAsync("소래포구 어시장 현대화");
        var signer = await site.ClientInRoleAsync(StandardRoles.Citizen);

        Assert.Equal(HttpStatusCode.Redirect, (await signer.PostSignAsync(id, await signer.TokenAsync($"/petitions/{id}"))).StatusCode);
        await site.EventsHandledAsync();

        var candidate = Assert.Single(await CandidatesOfPetitionAsync(id));
        Assert.Equal(AgendaState.BeforeCommittee, candidate.State);
        Assert.Equal($"/petitions/{id}", candidate.Link);

        // Handed over again (an event is handled at least once): still one.
        var stored = await site.WithDbAsync(db => db.OutboxEvents.AsNoTracking()
            .Where(e => e.Type == typeof(OutcomePublished).FullName && e.Payload.Contains($"\"OriginId\":\"{id}\"") && e.Payload.Contains("proposed-for-deliberation")).SingleAsync());
        var notification = System.Text.Json.JsonSerializer.Deserialize<OutcomePublished>(stored.Payload)!;
        await site.WithScopeAsync(services => services.GetRequiredService<IMediator>().Publish(notification));
        await site.WithScopeAsync(services => services.GetRequiredService<IMediator>().Publish(notification));
        Assert.Single(await CandidatesOfPetitionAsync(id));

        var agenda = await site.CreateBrowserClient().GetHtmlAsync("/debates/agenda");
        Assert.Contains($"id=\"candidate-{candidate.Id}\"", agenda);
        Assert.Contains($"href=\"/petitions/{id}\"", agenda);
    }

    [Fact]
    public async Task A_citizen_suggestion_goes_before_the_committee_once_it_has_the_supports_the_settings_ask_for_one_per_person()
    {
        var admin = await site.AdminClientAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostFieldsAsync("/admin/debates/settings", "/admin/debates/settings",
            ("SuggestionSupportsNeeded", "0"), ("SuggestionSupportDays", "30"), ("SuggestionVerification", "EmailConfirmed"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFieldsAsync("/admin/debates/settings", "/admin/debates/settings",
            ("SuggestionSupportsNeeded", "3"), ("SuggestionSupportDays", "30"), ("SuggestionVerification", "EmailConfirmed"))).StatusCode);
        var author = await site.ClientInRoleAsync(StandardRoles.Citizen);
        var suggested = await author.PostFieldsAsync("/debates/agenda/suggest", "/debates/agenda/suggest",
            ("Title", "월미도 관광특구 야간 소음 대책"), ("Description", "주말 밤마다 소음이 심합니다. 상인과 주민이 함께 해법을 찾는 토론이 필요합니다."));
        Assert.Equal(HttpStatusCode.Redirect, suggested.StatusCode);
        var id = await site.WithDbAsync(db => db.Set<AgendaCandidate>().Where(c => c.Title == "월미도 관광특구 야간 소음 대책").Select(c => c.Id).SingleAsync());

        var supporters = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            supporters.Add(await site.ClientInRoleAsync(StandardRoles.Citizen));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await supporters[0].PostFieldsAsync("/debates/agenda", $"/debates/agenda/{id}/support")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await supporters[0].PostFieldsAsync("/debates/agenda", $"/debates/agenda/{id}/support")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await supporters[1].PostFieldsAsync("/debates/agenda", $"/debates/agenda/{id}/support")).StatusCode);
        var before = await site.WithDbAsync(db => db.Set<AgendaCandidate>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((AgendaState.CollectingSupports, 2), (before.State, before.Supports));

        Assert.Equal(HttpStatusCode.Redirect, (await supporters[2].PostFieldsAsync("/debates/agenda", $"/debates/agenda/{id}/support")).StatusCode);
        var after = await site.WithDbAsync(db => db.Set<AgendaCandidate>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((AgendaState.BeforeCommittee, 3), (after.State, after.Supports));
        Assert.Equal(3, await site.WithDbAsync(db => db.Set<AgendaSupport>().CountAsync(s => s.CandidateId == id)));

        var committee = await site.ClientInRoleAsync(StandardRoles.CommitteeMember);
        Assert.Contains($"/admin/debates/agenda/{id}/accept", await committee.GetHtmlAsync("/admin/debates/agenda"));

        // A suggestion that did not reach its supports within its period takes no more.
        var lapsing = await author.PostFieldsAsync("/debates/agenda/suggest", "/debates/agenda/suggest",
            ("Title", "연수구 공공 체육관 야간 개방"), ("Description", "직장인도 이용할 수 있도록 밤 10시까지 열자는 제안입니다. 함께 토론해 주세요."));
        Assert.Equal(HttpStatusCode.Redirect, lapsing.StatusCode);
        var lapsed = await site.WithDbAsync(db => db.Set<AgendaCandidate>().Where(c => c.Title == "연수구 공공 체육관 야간 개방").Select(c => c.Id).SingleAsync());
        site.Clock.Advance(TimeSpan.FromDays(31));
        var late = await (await site.ClientInRoleAsync(StandardRoles.Citizen)).PostFieldsAsync("/debates/agenda/suggest", $"/debates/agenda/{lapsed}/support");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("더 이상 지지를 받지 않습니다", await late.Content.ReadAsStringAsync());
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<AgendaSupport>().CountAsync(s => s.CandidateId == lapsed)));
        Assert.Contains($"id=\"candidate-{lapsed}\" data-state=\"CollectingSupports\"", await site.CreateBrowserClient().GetHtmlAsync("/debates/agenda#lapsed"));
        Assert.Contains($"id=\"candidate-{id}\" data-state=\"BeforeCommittee\"", await committee.GetHtmlAsync("/debates/agenda"));
    }

    [Fact]
    public async Task The_committee_accepts_a_candidate_as_a_debate_and_declines_another_only_with_a_reason_that_the_public_sees()
    {
        var staff = await site.ClientInRoleAsync(StandardRoles.Staff);
        var committee = await site.ClientInRoleAsync(StandardRoles.CommitteeMember);
        var accepted = await site.RequestCandidateAsync(staff, "수소연료전지 발전소 건립 " + Guid.NewGuid().ToString("N")[..4]);
        var declined = await site.RequestCandidateAsync(staff, "시청 청사 이전 " + Guid.NewGuid().ToString("N")[..4]);

        var debate = await site.AcceptAsync(committee, accepted);
        Assert.Equal(DebatePhase.Preparation, await site.PhaseAsync(debate));
        // Accepted twice (a second member on a stale page): one debate.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await committee.PostFieldsAsync("/admin/debates/agenda", $"/admin/debates/agenda/{accepted}/accept")).StatusCode);
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<Debate>().CountAsync(d => d.CandidateId == accepted)));
        // Not public while it is prepared.
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateBrowserClient().GetAsync($"/debates/{debate}")).StatusCode);

        var refused = await committee.PostFieldsAsync("/admin/debates/agenda", $"/admin/debates/agenda/{declined}/decline", ("Reason", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("채택하지 않는 사유를 입력하십시오", await refused.Content.ReadAsStringAsync());
        Assert.Equal(AgendaState.BeforeCommittee, await site.WithDbAsync(db => db.Set<AgendaCandidate>().Where(c => c.Id == declined).Select(c => c.State).SingleAsync()));

        var reason = "이미 시의회 특별위원회가 다루고 있어 중복 공론화를 피합니다.";
        Assert.Equal(HttpStatusCode.Redirect, (await committee.PostFieldsAsync("/admin/debates/agenda", $"/admin/debates/agenda/{declined}/decline", ("Reason", reason))).StatusCode);
        var agenda = await site.CreateBrowserClient().GetHtmlAsync("/debates/agenda");
        Assert.Contains(reason, agenda);
        Assert.Contains($"href=\"/debates/{debate}\"", agenda);
    }

    [Fact]
    public async Task Moving_a_debate_on_early_needs_a_reason_and_every_change_is_logged_on_the_public_page()
    {
        var staff = await site.ClientInRoleAsync(StandardRoles.Staff);
        var committeeName = "최서연";
        var committee = await site.LoggedInClientAsync(await site.CreateNamedUserAsync(committeeName, StandardRoles.CommitteeMember), TestAccounts.Password);
        var debate = await site.AcceptAsync(committee, await site.RequestCandidateAsync(staff, "영종도 제3연륙교 통행료 " + Guid.NewGuid().ToString("N")[..4]));
        Assert.Equal(HttpStatusCode.Redirect, (await site.EditAsync(committee, debate, "영종도 제3연륙교 통행료", "## 배경\n\n통행료 정책의 쟁점입니다.")).StatusCode);

        var noReason = await site.MoveOnAsync(committee, debate, null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(DebatePhase.Preparation, await site.PhaseAsync(debate));

        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "자료 준비가 일찍 끝남")).StatusCode);
        Assert.Equal(DebatePhase.Learning, await site.PhaseAsync(debate));
        // A second click on the same page (it still says preparation) does not move the debate on twice.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await committee.PostFieldsAsync($"/admin/debates/{debate}", $"/admin/debates/{debate}/move-on",
            ("From", "Preparation"), ("Reason", "자료 준비가 일찍 끝남"))).StatusCode);
        Assert.Equal(DebatePhase.Learning, await site.PhaseAsync(debate));
        // Editing is over once the debate left preparation.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await site.EditAsync(committee, debate, "바뀐 제목입니다", "바뀐 자료")).StatusCode);

        var end = await site.WithDbAsync(db => db.Set<PhaseSchedule>().Where(s => s.DebateId == debate && s.Phase == DebatePhase.Learning).Select(s => s.PlannedEnd).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await committee.PostFieldsAsync($"/admin/debates/{debate}", $"/admin/debates/{debate}/extend",
            ("NewEnd", end.AddDays(7).ToString("yyyy-MM-dd")), ("Reason", "학습 자료 추가"))).StatusCode);

        var page = await site.CreateBrowserClient().GetHtmlAsync($"/debates/{debate}");
        Assert.Contains("자료 준비가 일찍 끝남", page);
        Assert.Contains("학습 자료 추가", page);
        Assert.Contains(committeeName, page);
        Assert.Contains("단계 조기 종료 (준비 → 학습) · 사유: 자료 준비가 일찍 끝남", page);
        Assert.Contains("의제 경로: 시장 요청", page);
        Assert.Contains("토론 수정 (제목, 개요, 학습 자료, 찬성 논거, 반대 논거, 예정 일정)", page);
        Assert.Contains(end.AddDays(7).ToString("yyyy-MM-dd"), page);
        var log = await site.WithDbAsync(db => db.Set<DebateLogEntry>().AsNoTracking().Where(l => l.DebateId == debate).OrderBy(l => l.Id).Select(l => l.Action).ToListAsync());
        Assert.Equal(["created", "edited", "closed-early", "extended"], log);
    }

    [Fact]
    public async Task A_citizen_or_a_staff_member_cannot_manage_the_agenda_or_a_debate()
    {
        var staff = await site.ClientInRoleAsync(StandardRoles.Staff);
        var candidate = await site.RequestCandidateAsync(staff, "송도 공영주차장 유료화 " + Guid.NewGuid().ToString("N")[..4]);
        var citizen = await site.ClientInRoleAsync(StandardRoles.Citizen);
        var token = await citizen.TokenAsync("/debates/agenda");
        foreach (var url in new[] { $"/admin/debates/agenda/{candidate}/accept", $"/admin/debates/agenda/{candidate}/decline", "/admin/debates/agenda/request" })
        {
            var response = await citizen.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Reason"] = "시민은 결정할 수 없습니다" }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/admin/debates/agenda")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostFieldsAsync("/admin/debates/agenda/request", $"/admin/debates/agenda/{candidate}/accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/debates")).StatusCode);

        // The handler holds the rule too, whoever sends the command.
        await Assert.ThrowsAsync<ForbiddenException>(() => site.WithServicesAsync(services =>
            services.GetRequiredService<IMediator>().Send(new AcceptCandidate(candidate, Actors.SignedIn(Guid.NewGuid(), StandardRoles.Citizen)))));
        Assert.Equal(AgendaState.BeforeCommittee, await site.WithDbAsync(db => db.Set<AgendaCandidate>().Where(c => c.Id == candidate).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task The_debate_thread_is_shown_once_the_debate_is_public_open_only_while_it_deliberates_and_moderated_by_the_committee()
    {
        var staff = await site.ClientInRoleAsync(StandardRoles.Staff);
        var committee = await site.ClientInRoleAsync(StandardRoles.CommitteeMember);
        var preparing = await site.AcceptAsync(committee, await site.RequestCandidateAsync(staff, "연안부두 재개발 " + Guid.NewGuid().ToString("N")[..4]));
        var debate = await site.DeliberatingDebateAsync(staff, committee, "원도심 활성화 " + Guid.NewGuid().ToString("N")[..4], "ResidentVerified");
        Task<ThreadPolicy?> PolicyAsync(int id) => site.WithServicesAsync(services =>
            services.GetServices<IDiscussionThreadOwner>().Single(o => o.Kind == "debate").GetPolicyAsync(id, CancellationToken.None));

        Assert.Null(await PolicyAsync(preparing));
        var open = await PolicyAsync(debate);
        Assert.Equal((true, true, Core.Data.VerificationLevel.ResidentVerified, "ModerateDebates", $"/debates/{debate}"),
            (open!.Open, open.Stances, open.MinimumLevel, open.ModeratePermission, open.Link));

        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "숙의 조기 종료")).StatusCode);
        Assert.False((await PolicyAsync(debate))!.Open);
    }

    [Fact]
    public async Task Debate_and_agenda_pages_in_Korean_use_no_untranslated_text()
    {
        var catalog = site.Services.GetRequiredService<TranslationCatalog>();
        var staff = await site.ClientInRoleAsync(StandardRoles.Staff);
        var committee = await site.ClientInRoleAsync(StandardRoles.CommitteeMember);
        var debate = await site.DeliberatingDebateAsync(staff, committee, "굴포천 생태하천 복원 " + Guid.NewGuid().ToString("N")[..4]);
        var citizen = await site.ClientInRoleAsync(StandardRoles.Citizen);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.AddStatementAsync(debate, "하천 복원은 주민 휴식 공간을 늘린다")).StatusCode);
        catalog.Missing.Clear();

        foreach (var page in new[] { "/debates", "/debates/agenda", $"/debates/{debate}", "/debates/agenda/suggest" })
        {
            Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(page)).StatusCode);
        }

        foreach (var page in new[] { "/admin/debates", "/admin/debates/agenda", $"/admin/debates/{debate}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync(page)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin/debates/agenda/request")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await site.AdminClientAsync()).GetAsync("/admin/debates/settings")).StatusCode);
        var missing = catalog.Missing.Keys.Where(k => k.Culture == "ko").Select(k => k.Text).Order().ToList();
        Assert.True(missing.Count == 0, "Texts without a Korean translation:\n" + string.Join("\n", missing));
    }
}
