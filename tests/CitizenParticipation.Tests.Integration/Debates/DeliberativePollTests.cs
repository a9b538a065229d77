using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Tests.Integration.Debates;

/// <summary>The deliberative poll through the real pages: one answer set per person per survey under load, who may answer and when, the results' figures.</summary>
public sealed class DeliberativePollTests(DebateSiteFactory site) : IClassFixture<DebateSiteFactory>
{
    /// <summary>A debate prepared with <paramref name="questions"/> written by the committee and moved on into its learning phase; returns its id and the questions' ids.</summary>
    private async Task<(int Debate, List<int> Questions, HttpClient Committee)> LearningDebateAsync(string title, string level, params string[] questions)
    {
        var staff = await site.ClientInRoleAsync(StandardRoles.Staff);
        var committee = await site.ClientInRoleAsync(StandardRoles.CommitteeMember);
        title = title + " " + Guid.NewGuid().ToString("N")[..4];
        var debate = await site.AcceptAsync(committee, await site.RequestCandidateAsync(staff, title));
        Assert.Equal(HttpStatusCode.Redirect, (await site.EditAsync(committee, debate, title, "## 배경\n\n학습 자료입니다.", level)).StatusCode);
        foreach (var q in questions)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await committee.PostFieldsAsync($"/admin/debates/{debate}", $"/admin/debates/{debate}/poll/questions",
                ("Text", q), ("LowLabel", "전혀 아니다"), ("HighLabel", "매우 그렇다"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "위원회 일정에 따라 앞당김")).StatusCode);
        Assert.Equal(DebatePhase.Learning, await site.PhaseAsync(debate));
        var ids = await site.WithDbAsync(db => db.Set<PollQuestion>().Where(q => q.DebateId == debate).OrderBy(q => q.Position).Select(q => q.Id).ToListAsync());
        return (debate, ids, committee);
    }

    private static (string, string)[] Fields(int stance, IEnumerable<(int Question, int Value)> answers) =>
        [("Answers[0]", stance.ToString()), .. answers.Select(a => ($"Answers[{a.Question}]", a.Value.ToString()))];

    private Task<int> ResponsesAsync(int debate) => site.WithDbAsync(db => db.Set<PollResponse>().CountAsync(r => r.DebateId == debate));

    [Fact]
    public async Task Two_hundred_requests_at_once_leave_one_answer_set_and_the_person_sees_their_answers()
    {
        var (debate, questions, _) = await LearningDebateAsync("영종도 제2연륙교 통행료", "EmailConfirmed", "통행료를 시가 부담해야 한다");
        var citizen = await site.ClientInRoleAsync(StandardRoles.Citizen);
        var token = await citizen.GetAntiforgeryTokenAsync($"/debates/{debate}");

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => citizen.PostAsync($"/debates/{debate}/poll",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Answers[0]"] = (1 + i % 5).ToString(), [$"Answers[{questions[0]}]"] = "4",
            }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        var saved = await site.WithDbAsync(db => db.Set<PollResponse>().Include(r => r.Answers).AsNoTracking().SingleAsync(r => r.DebateId == debate));
        Assert.Equal(PollSurvey.Before, saved.Survey);
        Assert.Equal(2, saved.Answers.Count);

        var again = await citizen.PostFieldsAsync($"/debates/{debate}", $"/debates/{debate}/poll", Fields(2, [(questions[0], 2)]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("이미 이 설문에 답했습니다", await again.Content.ReadAsStringAsync());

        var page = await citizen.GetHtmlAsync($"/debates/{debate}");
        Assert.Contains("id=\"poll-answered\"", page);
        Assert.DoesNotContain("id=\"poll-form\"", page);
        var stance = saved.Answers.Single(a => a.QuestionId is null).Value;
        Assert.Matches($"<table class=\"krds-table\" id=\"my-answers-Before\">.*<td data-question=\"0\">{stance}</td>.*<td data-question=\"{questions[0]}\">4</td>", page.ReplaceLineEndings(""));
        Assert.Equal(1, await ResponsesAsync(debate));
    }

    [Fact]
    public async Task The_survey_is_refused_outside_its_phases_below_the_debates_level_and_when_incomplete_with_clear_messages()
    {
        var citizen = await site.ClientInRoleAsync(StandardRoles.Citizen);

        // Verified residents only: a citizen with a confirmed email address is refused.
        var (residents, rq, _) = await LearningDebateAsync("검단 신도시 학교 신설", "ResidentVerified", "학교 신설이 시급하다");
        var refused = await citizen.PostFieldsAsync($"/debates/{residents}", $"/debates/{residents}/poll", Fields(3, [(rq[0], 3)]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("거주 확인", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await ResponsesAsync(residents));

        var (debate, questions, committee) = await LearningDebateAsync("월미도 바다열차", "EmailConfirmed", "바다열차를 계속 운행해야 한다");

        // A question left unanswered: nothing saved, the answers given stay checked.
        var incomplete = await citizen.PostFieldsAsync($"/debates/{debate}", $"/debates/{debate}/poll", ("Answers[0]", "4"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var html = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("설문의 모든 질문에 답하세요.", html);
        Assert.Matches("name=\"Answers\\[0\\]\" value=\"4\" checked=\"checked\"", html);
        Assert.Equal(0, await ResponsesAsync(debate));

        // Deliberation: neither survey is open.
        var token = await citizen.GetAntiforgeryTokenAsync($"/debates/{debate}");
        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "학습 기간 단축")).StatusCode);
        var late = await citizen.PostAsync($"/debates/{debate}/poll", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Answers[0]"] = "4", [$"Answers[{questions[0]}]"] = "2",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("지금은 설문을 받지 않습니다", await late.Content.ReadAsStringAsync());
        Assert.Equal(0, await ResponsesAsync(debate));

        // A citizen cannot add a question, and the committee no longer can once the debate left preparation.
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsync($"/admin/debates/{debate}/poll/questions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Text"] = "질문", ["LowLabel"] = "낮음", ["HighLabel"] = "높음",
        }))).StatusCode);
        var added = await committee.PostFieldsAsync($"/admin/debates/{debate}", $"/admin/debates/{debate}/poll/questions", ("Text", "늦은 질문"), ("LowLabel", "낮음"), ("HighLabel", "높음"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, added.StatusCode);
        Assert.Contains("준비하는 동안에만", await added.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_results_of_a_planted_before_and_after_set_show_the_hand_computed_figures_once_the_closing_survey_closes()
    {
        var (debate, q, committee) = await LearningDebateAsync("송도 국제병원", "EmailConfirmed", "병원 유치가 지역에 이롭다", "공공성을 지킬 수 있다");
        var people = await site.CreatePeopleAsync(12);
        // Ten people answer both surveys; people[10] only the first, people[11] only the closing one.
        int[] stanceBefore = [1, 2, 2, 3, 3, 3, 4, 2, 1, 3, 5];
        int[] stanceAfter = [3, 3, 4, 4, 4, 3, 5, 3, 2, 5, 0, 1];
        int[] mixedAfter = [4, 2, 4, 2, 4, 2, 4, 2, 3, 3, 0, 3];
        int[] fewAfter = [5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 0, 3];
        var now = site.Clock.GetUtcNow().UtcDateTime;
        Task Plant(Func<int, (int Stance, int Mixed, int Few)?> answer) => site.WithDbAsync(async db =>
        {
            var d = await db.Set<Debate>().SingleAsync(x => x.Id == debate);
            for (var p = 0; p < people.Count; p++)
            {
                if (answer(p) is { } a)
                {
                    db.Add(PollResponse.Answer(d, q, new Dictionary<int, int?> { [0] = a.Stance, [q[0]] = a.Mixed, [q[1]] = a.Few }, people[p], now));
                }
            }

            return await db.SaveChangesAsync();
        });

        await Plant(p => p < 11 ? (stanceBefore[p], 3, 3) : null);
        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "학습 기간 단축")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "숙의 종료")).StatusCode);
        Assert.Equal(DebatePhase.ClosingSurvey, await site.PhaseAsync(debate));
        await Plant(p => p == 10 ? null : (stanceAfter[p], mixedAfter[p], fewAfter[p]));

        // While the closing survey is open the public sees no results; the committee does.
        var open = await site.CreateBrowserClient().GetHtmlAsync($"/debates/{debate}");
        Assert.Contains("id=\"poll-results-pending\"", open);
        Assert.DoesNotContain("poll-result-0", open);
        Assert.Contains("id=\"poll-result-0\"", await committee.GetHtmlAsync($"/admin/debates/{debate}"));

        Assert.Equal(HttpStatusCode.Redirect, (await site.MoveOnAsync(committee, debate, "설문 종료")).StatusCode);
        var page = (await site.CreateBrowserClient().GetHtmlAsync($"/debates/{debate}")).ReplaceLineEndings(" ");
        Assert.Contains("11명이 첫 설문에, 11명이 마무리 설문에 답했습니다.", page);

        // The stance: before 1,2,2,3,3,3,4,2,1,3 (+5) → mean 29/11; after 3,3,4,4,4,3,5,3,2,5 (+1) → 37/11; paired shift 12/10.
        // Nine changed, all upwards: |d| = 1 six times (mean rank 3.5), 2 three times (mean rank 8): W+ = 45, W− = 0;
        // mean 22.5, variance 9·10·19/24 − (210 + 24)/48 = 66.375, z = (45 − 22.5 − 0.5)/√66.375 = 2.7003, p = 0.0069.
        var stance = Section(page, 0);
        Assert.Contains("data-mean-before=\"2.64\" data-mean-after=\"3.36\" data-shift=\"+1.20\" data-n=\"9\" data-pairs=\"10\" data-p=\"0.0069\" data-verdict=\"TowardsHigher\"", stance);
        Assert.Equal([2, 3, 4, 1, 1], Cells(stance, "data-before=\"(\\d)\">(\\d+)<"));
        Assert.Equal([1, 1, 4, 3, 2], Cells(stance, "data-after=\"(\\d)\">(\\d+)<"));
        var transitions = Regex.Matches(stance, "data-from=\"(\\d)\" data-to=\"(\\d)\">(\\d+)<").ToDictionary(m => (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)), m => int.Parse(m.Groups[3].Value));
        Assert.Equal(25, transitions.Count);
        var expected = new Dictionary<(int, int), int> { [(1, 3)] = 1, [(1, 2)] = 1, [(2, 3)] = 2, [(2, 4)] = 1, [(3, 3)] = 1, [(3, 4)] = 2, [(3, 5)] = 1, [(4, 5)] = 1 };
        Assert.All(transitions, t => Assert.Equal(expected.GetValueOrDefault(t.Key), t.Value));
        Assert.Contains("p = 0.007", stance);
        Assert.Contains("매우 찬성", stance);

        // Eight moved, four up and four down by one: no measurable shift, and the page says so.
        var mixed = Section(page, q[0]);
        Assert.Contains("data-mean-before=\"3.00\" data-mean-after=\"3.00\" data-shift=\"0.00\" data-n=\"8\" data-pairs=\"10\" data-p=\"1.0000\" data-verdict=\"NoMeasurableShift\"", mixed);
        Assert.Contains("측정할 만한 변화가 없습니다", mixed);

        // Two changed: too few to tell.
        var few = Section(page, q[1]);
        Assert.Contains("data-n=\"2\" data-pairs=\"10\"", few);
        Assert.Contains("data-verdict=\"TooFewToTell\"", few);
        Assert.Contains("답을 바꾼 사람이 너무 적어 판단할 수 없습니다", few);
    }

    private static string Section(string page, int question)
    {
        var start = page.IndexOf($"<section class=\"db-poll-result\" id=\"poll-result-{question}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No results for question {question}.");
        return page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static int[] Cells(string section, string pattern) =>
        Regex.Matches(section, pattern).OrderBy(m => int.Parse(m.Groups[1].Value)).Select(m => int.Parse(m.Groups[2].Value)).ToArray();
}
