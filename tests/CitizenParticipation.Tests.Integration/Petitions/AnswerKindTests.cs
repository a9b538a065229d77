using System.Net;
using System.Text.Json;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using CitizenParticipation.Tests.Integration.Users;
using CitizenParticipation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Petitions;

/// <summary>
/// The city's answer says what it will do. Only a commitment (accepted, partly accepted) becomes a policy task in the
/// citizen mayor's office; an answer under review or not possible is shown on the petition and in the open data, and
/// reaches a task only when staff name one.
/// </summary>
public sealed class AnswerKindTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<HttpClient> StaffAsync() =>
        await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Staff), TestAccounts.Password);

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient staff, int id, string? kind, string text, string official = "교통국장 홍길동", int? task = null, string video = "")
    {
        var form = new Dictionary<string, string> { ["Text"] = text, ["Official"] = official, ["LinkedTaskId"] = task?.ToString() ?? "", ["VideoUrl"] = video };
        if (kind is not null)
        {
            form["Kind"] = kind;
        }

        return staff.PostFormAsync($"/admin/petitions/{id}", $"/admin/petitions/{id}/answer", form);
    }

    /// <summary>An open petition with one signer, whose email address is returned with it.</summary>
    private async Task<(int Id, string SignerEmail)> SignedPetitionAsync()
    {
        var id = await site.OpenPetitionAsync();
        var signerEmail = await site.CreateUserAsync(StandardRoles.Citizen);
        var signer = await site.LoggedInClientAsync(signerEmail, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await signer.PostSignAsync(id, await signer.TokenAsync($"/petitions/{id}"))).StatusCode);
        return (id, signerEmail);
    }

    private Task<List<int?>> OutcomeTasksAsync(int id) => site.WithDbAsync(db => db.Set<ReceivedOutcome>().AsNoTracking()
        .Where(o => o.Origin == OutcomeOrigin.Petition && o.OriginId == id.ToString()).Select(o => o.TaskId).ToListAsync());

    private Task<List<int>> TasksFromAsync(int id) => site.WithDbAsync(db => db.Set<PolicyTask>().AsNoTracking()
        .Where(t => t.Origins.Any(o => o.Origin == OutcomeOrigin.Petition && o.OriginId == id.ToString())).Select(t => t.Id).ToListAsync());

    /// <summary>The petition's row in the open data list, as JSON, read by a signed-in client (never a shared cached copy).</summary>
    private static async Task<JsonElement> ListedAsync(HttpClient reader, int id)
    {
        using var list = JsonDocument.Parse(await reader.GetStringAsync("/api/petitions?tab=Answered&pageSize=100"));
        return list.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == id).Clone();
    }

    [Theory]
    [InlineData("UnderReview", "검토 중", "under-review")]
    [InlineData("NotPossible", "수용 곤란", "not-possible")]
    public async Task An_answer_that_commits_the_city_to_nothing_creates_no_task_and_shows_its_kind_on_the_petition_and_in_the_open_data(
        string kind, string korean, string openData)
    {
        var id = await site.OpenPetitionAsync();
        var staff = await StaffAsync();

        var response = await AnswerAsync(staff, id, kind, "관계 부서와 예산 여건을 검토하고 있으며, 결과는 이 청원에 알려 드리겠습니다.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var petition = await site.PetitionAsync(id);
        Assert.Equal(PetitionStatus.Answered, petition.Status);
        await site.EventsHandledAsync();
        Assert.Empty(await OutcomeTasksAsync(id));
        Assert.Empty(await TasksFromAsync(id));

        var page = await site.CreateBrowserClient().GetHtmlAsync($"/petitions/{id}");
        Assert.Contains($"<p id=\"answer-kind\">처리 결과: <span class=\"pt-status\">{korean}</span></p>", page);
        Assert.Contains("결과는 이 청원에 알려 드리겠습니다", page);
        var reader = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        using (var detail = JsonDocument.Parse(await reader.GetStringAsync($"/api/petitions/{id}")))
        {
            Assert.Equal(openData, detail.RootElement.GetProperty("answer").GetProperty("kind").GetString());
        }

        Assert.Equal(openData, (await ListedAsync(reader, id)).GetProperty("answerKind").GetString());
        var csv = await reader.GetStringAsync("/api/petitions.csv?tab=Answered");
        Assert.EndsWith($"/petitions/{id},{openData}", csv.Split("\r\n").Single(l => l.StartsWith($"{id},", StringComparison.Ordinal)));
        // Back on the admin page the kind is the one chosen.
        Assert.Contains($"id=\"Kind-{kind}\" value=\"{kind}\" checked=\"checked\"", await staff.GetHtmlAsync($"/admin/petitions/{id}"));
    }

    [Theory]
    [InlineData("Accepted", "수용", "accepted")]
    [InlineData("PartlyAccepted", "일부 수용", "partly-accepted")]
    public async Task An_answer_that_commits_the_city_starts_a_citizen_born_task_as_before(string kind, string korean, string openData)
    {
        var id = await site.OpenPetitionAsync();
        var staff = await StaffAsync();

        var response = await AnswerAsync(staff, id, kind, "내년 상반기까지 배차 간격을 10분으로 줄이겠습니다.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await site.EventsHandledAsync();
        var taskId = Assert.Single(await OutcomeTasksAsync(id));
        Assert.NotNull(taskId);
        Assert.Equal([taskId.Value], await TasksFromAsync(id));
        Assert.Equal(PolicyTaskKind.CitizenBorn, await site.WithDbAsync(db => db.Set<PolicyTask>().Where(t => t.Id == taskId).Select(t => t.Kind).SingleAsync()));
        Assert.Contains($"<span class=\"pt-status\">{korean}</span>", await site.CreateBrowserClient().GetHtmlAsync($"/petitions/{id}"));
        var reader = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        Assert.Equal(openData, (await ListedAsync(reader, id)).GetProperty("answerKind").GetString());
    }

    [Fact]
    public async Task An_answer_that_is_not_possible_goes_to_the_task_staff_name_and_starts_none()
    {
        var field = await site.FirstFieldIdAsync();
        var existing = await site.WithDbAsync(async db =>
        {
            var task = new PolicyTask("마을버스 노선 개편 " + Guid.NewGuid().ToString("N")[..6], PolicyTaskKind.KeyPolicy, DateTime.UtcNow);
            task.Describe("과제 요약", field, null, null, true, DateTime.UtcNow);
            db.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });
        var id = await site.OpenPetitionAsync();

        var response = await AnswerAsync(await StaffAsync(), id, "NotPossible", "이 노선은 노선 개편 과제에서 폐지가 확정되어 증차가 어렵습니다.", task: existing);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await site.EventsHandledAsync();
        Assert.Equal([existing], await OutcomeTasksAsync(id));
        Assert.Equal([existing], await TasksFromAsync(id));
    }

    [Fact]
    public async Task An_answer_under_review_that_is_later_accepted_starts_its_task_then_and_only_once()
    {
        var id = await site.OpenPetitionAsync();
        var staff = await StaffAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(staff, id, "UnderReview", "교통 수요 조사를 마친 뒤 다시 답변드리겠습니다.")).StatusCode);
        await site.EventsHandledAsync();
        Assert.Empty(await OutcomeTasksAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(staff, id, "Accepted", "수요 조사 결과에 따라 다음 달부터 증차하겠습니다.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(staff, id, "Accepted", "수요 조사 결과에 따라 다음 달부터 2대를 증차하겠습니다.")).StatusCode);
        await site.EventsHandledAsync();

        Assert.Single(await TasksFromAsync(id));
        Assert.NotNull(Assert.Single(await OutcomeTasksAsync(id)));
    }

    [Fact]
    public async Task An_answer_without_a_kind_is_refused_with_a_message_and_changes_nothing()
    {
        var id = await site.OpenPetitionAsync();

        var response = await AnswerAsync(await StaffAsync(), id, null, "배차 간격을 조정하겠습니다. 구체적인 일정은 추후 안내합니다.");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<p class=\"form-hint-invalid\" id=\"Kind-error\">처리 결과를 선택하십시오.</p>", html);
        Assert.Contains("배차 간격을 조정하겠습니다.", html);
        var petition = await site.PetitionAsync(id);
        Assert.Equal(PetitionStatus.Open, petition.Status);
        Assert.Null(petition.AnswerText);
    }

    [Theory]
    [InlineData("Accepted", "", "", "답변을(를) 입력하십시오.")]
    [InlineData("Accepted", "짧음", "", "답변은(는) 10자 이상 20000자 이내로 입력하십시오.")]
    [InlineData("NotPossible", "해당 구간은 도로 폭이 좁아 버스 증차가 어렵습니다.", "ftp://video.example/answer", "https:// 또는 http://로 시작하는 주소를 입력하십시오.")]
    public async Task A_refused_answer_answers_422_with_the_form_and_its_message_and_changes_nothing(string kind, string text, string video, string message)
    {
        var id = await site.OpenPetitionAsync();

        var response = await AnswerAsync(await StaffAsync(), id, kind, text, video: video);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Contains("id=\"answer-form\"", html);
        var petition = await site.PetitionAsync(id);
        Assert.Equal(PetitionStatus.Open, petition.Status);
        Assert.Null(petition.AnsweredAt);
        Assert.False(await site.WithDbAsync(db => db.Set<PetitionEvent>().AnyAsync(e => e.PetitionId == id && e.Kind.StartsWith("answer"))));
    }

    [Fact]
    public async Task An_answer_kind_the_form_does_not_offer_is_refused_and_changes_nothing()
    {
        var id = await site.OpenPetitionAsync();

        var response = await AnswerAsync(await StaffAsync(), id, "99", "해당 구간은 도로 폭이 좁아 버스 증차가 어렵습니다.");

        // Only a forged form names it: the request is refused as a whole (see DefinedEnumModelBinderProvider).
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("요청을 처리할 수 없습니다", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null((await site.PetitionAsync(id)).AnsweredAt);
    }

    [Fact]
    public async Task An_answer_under_review_that_is_decided_is_recorded_with_its_kind_and_the_signers_are_told_again()
    {
        var (id, signerEmail) = await SignedPetitionAsync();
        var staff = await StaffAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(staff, id, "UnderReview", "교통 수요 조사를 마친 뒤 다시 답변드리겠습니다.")).StatusCode);
        await site.DeliverMailAsync();
        Assert.Contains("처리 결과: 검토 중", Mailbox.Last(site.MailDirectory, signerEmail).Body);
        // A correction of the wording tells nobody; a decision tells the signers again.
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(staff, id, "UnderReview", "교통 수요 조사를 12월까지 마친 뒤 다시 답변드리겠습니다.")).StatusCode);
        Assert.Contains("문구만 바뀌어 동의한 시민에게 다시 이메일을 보내지 않습니다", await staff.GetHtmlAsync($"/admin/petitions/{id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(staff, id, "PartlyAccepted", "수요 조사 결과에 따라 출퇴근 시간에만 배차 간격을 15분으로 줄이겠습니다.")).StatusCode);
        Assert.Contains("동의한 시민에게 이메일을 보내고 있습니다", await staff.GetHtmlAsync($"/admin/petitions/{id}"));

        Assert.Equal(["answered", "answer-updated"], await site.WithDbAsync(db => db.Set<PetitionMailing>().Where(m => m.PetitionId == id).OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync()));
        await site.DeliverMailAsync();
        var mail = Mailbox.Last(site.MailDirectory, signerEmail);
        Assert.Contains("답변이 바뀌었습니다", mail.Subject);
        Assert.Contains("처리 결과: 일부 수용", mail.Body);
        Assert.Contains("출퇴근 시간에만 배차 간격을 15분으로", mail.Body);

        var admin = await staff.GetHtmlAsync($"/admin/petitions/{id}");
        Assert.Matches(@"답변 공개: 검토 중 · [^<]*· 교통국장 홍길동</li>\s*<li>[^<]*답변 수정: 검토 중 [^<]*</li>\s*<li>[^<]*답변 수정: 일부 수용 ", admin);
        var page = await site.CreateBrowserClient().GetHtmlAsync($"/petitions/{id}");
        Assert.Matches(@"<ol id=""petition-timeline"">\s*<li>[^<]*· 공개\(동의 시작\)</li>\s*<li>[^<]*· 답변 공개: 검토 중</li>\s*<li>[^<]*· 답변 수정: 검토 중</li>\s*<li>[^<]*· 답변 수정: 일부 수용</li>\s*</ol>", page);
    }

    [Fact]
    public async Task An_answering_official_with_a_direction_override_is_refused_with_a_message()
    {
        var id = await site.OpenPetitionAsync();

        var response = await AnswerAsync(await StaffAsync(), id, "Accepted", "배차 간격을 조정하겠습니다. 구체적인 일정은 추후 안내합니다.", official: "교통국장 \u202E동길홍");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("이름에는 보이는 글자만 쓸 수 있습니다.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null((await site.PetitionAsync(id)).AnsweredAt);
    }

    [Fact]
    public async Task The_migration_takes_answers_given_before_kinds_existed_as_accepted_so_nothing_published_changes()
    {
        var answered = await site.OpenPetitionAsync();
        var open = await site.OpenPetitionAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(await StaffAsync(), answered, "NotPossible", "해당 구간은 도로 폭이 좁아 버스 증차가 어렵습니다.")).StatusCode);
        var migrations = await site.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        var added = migrations.FindIndex(m => m.EndsWith("_AnswerKinds", StringComparison.Ordinal));
        Task MigrateAsync(string target) => site.WithScopeAsync(services => services.GetRequiredService<SiteDbContext>().GetService<IMigrator>().MigrateAsync(target));

        await MigrateAsync(migrations[added - 1]);
        await MigrateAsync(migrations[^1]);

        Assert.Equal(AnswerKind.Accepted, (await site.PetitionAsync(answered)).AnswerKind);
        Assert.Null((await site.PetitionAsync(open)).AnswerKind);
    }

    [Fact]
    public async Task The_signers_email_says_what_the_city_will_do()
    {
        var (id, signerEmail) = await SignedPetitionAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(await StaffAsync(), id, "NotPossible", "해당 구간은 도로 폭이 좁아 버스 증차가 어렵습니다.")).StatusCode);
        await site.DeliverMailAsync();

        var mail = Mailbox.Last(site.MailDirectory, signerEmail);
        Assert.Contains("답변했습니다", mail.Subject);
        Assert.Contains("처리 결과: 수용 곤란", mail.Body);
    }
}
