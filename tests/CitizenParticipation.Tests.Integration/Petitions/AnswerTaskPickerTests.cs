using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitizenParticipation.Tests.Integration.Petitions;

/// <summary>Staff pick the policy task an answer belongs to from the registry instead of typing its number.</summary>
public sealed partial class AnswerTaskPickerTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<int> TaskAsync(string title, PolicyTaskKind kind = PolicyTaskKind.Pledge, bool isPublic = true)
    {
        var field = await site.FirstFieldIdAsync();
        return await site.WithDbAsync(async db =>
        {
            var task = new PolicyTask(title, kind, DateTime.UtcNow);
            task.Describe("과제 요약", field, null, null, isPublic, DateTime.UtcNow);
            db.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });
    }

    private async Task<HttpClient> StaffAsync() =>
        await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Staff), TestAccounts.Password);

    private static Dictionary<string, string> Answer(string? linkedTaskId) => new()
    {
        ["Kind"] = "Accepted",
        ["Text"] = "노선 개편 과제에서 배차 간격을 함께 조정하겠습니다.",
        ["Official"] = "교통국장 홍길동",
        ["LinkedTaskId"] = linkedTaskId ?? "",
    };

    [GeneratedRegex("<input type=\"radio\" name=\"LinkedTaskId\" id=\"task-([^\"]+)\" value=\"([^\"]*)\"( checked=\"checked\")?")]
    private static partial Regex Radio();

    /// <summary>The task radios on a page: value ("" for a new task) and whether it is checked.</summary>
    private static Dictionary<string, bool> Radios(string html) =>
        Radio().Matches(html).ToDictionary(m => m.Groups[2].Value, m => m.Groups[3].Success);

    [Fact]
    public async Task Searching_lists_the_matching_tasks_as_choices_and_a_new_task_is_chosen_by_default()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var bus = await TaskAsync($"시내버스 노선 개편 {tag}");
        var shelter = await TaskAsync($"버스 정류장 그늘막 설치 {tag}", PolicyTaskKind.KeyPolicy, isPublic: false);
        var park = await TaskAsync($"근린공원 조성 {tag}");
        var id = await site.OpenPetitionAsync();
        var staff = await StaffAsync();

        var plain = await staff.GetHtmlAsync($"/admin/petitions/{id}");
        Assert.Contains("id=\"task-search-form\"", plain);
        Assert.DoesNotContain("inputmode=\"numeric\"", plain);
        Assert.Equal(new Dictionary<string, bool> { [""] = true }, Radios(plain));

        var html = await staff.GetHtmlAsync($"/admin/petitions/{id}?taskSearch=" + Uri.EscapeDataString($"버스 노선 개편 {tag}"));
        Assert.Equal(new Dictionary<string, bool> { [bus.ToString()] = false, [""] = true }, Radios(html));

        html = await staff.GetHtmlAsync($"/admin/petitions/{id}?taskSearch=" + Uri.EscapeDataString(tag));
        var radios = Radios(html);
        Assert.Equal(new HashSet<string> { bus.ToString(), shelter.ToString(), park.ToString(), "" }, radios.Keys.ToHashSet());
        Assert.True(radios[""]);
        Assert.Contains("<legend>이 답변의 정책 과제</legend>", html);
        Assert.Contains($"<label for=\"task-{shelter}\">버스 정류장 그늘막 설치 {tag}</label>", html);
        Assert.Contains($"{shelter}번 · 주요정책 · 교통 · 진척률 0% · 내부용 과제", html);
        Assert.Contains($"{bus}번 · 공약 · 교통 · 진척률 0%<", html);
        Assert.Contains($"name=\"taskSearch\" value=\"{tag}\"", html);

        html = await staff.GetHtmlAsync($"/admin/petitions/{id}?taskSearch={park}");
        Assert.True(Radios(html).ContainsKey(park.ToString()));

        html = await staff.GetHtmlAsync($"/admin/petitions/{id}?taskSearch=" + Uri.EscapeDataString("없는 과제 " + tag));
        Assert.Contains($"‘없는 과제 {tag}’에 맞는 정책 과제가 없습니다.", html);
        Assert.Equal(new Dictionary<string, bool> { [""] = true }, Radios(html));
    }

    [Fact]
    public async Task An_answer_with_a_picked_task_lands_on_that_tasks_timeline()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var bus = await TaskAsync($"마을버스 배차 개선 {tag}");
        var id = await site.OpenPetitionAsync();
        var staff = await StaffAsync();

        var response = await staff.PostFormAsync($"/admin/petitions/{id}?taskSearch={tag}", $"/admin/petitions/{id}/answer", Answer(bus.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var petition = await site.PetitionAsync(id);
        Assert.Equal(PetitionStatus.Answered, petition.Status);
        Assert.Equal(bus, petition.LinkedTaskId);
        await site.EventsHandledAsync();
        var outcome = await site.WithDbAsync(db => db.Set<ReceivedOutcome>().AsNoTracking().SingleAsync(o => o.OriginId == id.ToString() && o.Decision == "answered"));
        Assert.Equal(bus, outcome.TaskId);
        var timeline = await site.WithDbAsync(db => db.Set<TaskActivity>().AsNoTracking().Where(a => a.TaskId == bus).ToListAsync());
        var activity = Assert.Single(timeline);
        Assert.Equal(ActivityKind.CitizenOutcome, activity.Kind);
        Assert.Equal($"/petitions/{id}", activity.OutcomeLink);
        Assert.False(await site.WithDbAsync(db => db.Set<PolicyTask>().AnyAsync(t => t.Id != bus && t.Origins.Any(o => o.OriginId == id.ToString()))));
        var taskPage = await site.CreateBrowserClient().GetHtmlAsync($"/mayors-office/tasks/{bus}");
        Assert.Contains($"href=\"/petitions/{id}\"", taskPage);
        Assert.Contains("배차 간격을 함께 조정하겠습니다", taskPage);

        // Back on the form the linked task is the one chosen.
        Assert.Equal(new Dictionary<string, bool> { [bus.ToString()] = true, [""] = false }, Radios(await staff.GetHtmlAsync($"/admin/petitions/{id}")));
    }

    [Fact]
    public async Task An_unknown_task_number_is_refused_with_a_message_and_the_petition_stays_unanswered()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await TaskAsync($"도서관 개관 시간 연장 {tag}");
        var id = await site.OpenPetitionAsync();
        var staff = await StaffAsync();
        var missing = await site.WithDbAsync(db => db.Set<PolicyTask>().MaxAsync(t => t.Id)) + 1000;

        var response = await staff.PostFormAsync($"/admin/petitions/{id}", $"/admin/petitions/{id}/answer",
            new Dictionary<string, string>(Answer(missing.ToString())) { ["taskSearch"] = tag });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"{missing}번 정책 과제가 없습니다. 과제를 검색해 목록에서 고르십시오.", html);
        Assert.Contains("노선 개편 과제에서 배차 간격을 함께 조정하겠습니다.", html);
        Assert.Contains($"도서관 개관 시간 연장 {tag}", html);
        var petition = await site.PetitionAsync(id);
        Assert.Equal(PetitionStatus.Open, petition.Status);
        Assert.Null(petition.AnsweredAt);
        Assert.Null(petition.AnswerText);
        Assert.Null(petition.LinkedTaskId);
        Assert.False(await site.WithDbAsync(db => db.Set<ReceivedOutcome>().AnyAsync(o => o.OriginId == id.ToString())));
    }

    [Fact]
    public async Task The_registry_finds_tasks_by_words_and_by_number_internal_ones_included()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var first = await TaskAsync($"청년 월세 지원 {tag}");
        var second = await TaskAsync($"청년 창업 공간 {tag}", PolicyTaskKind.Directive, isPublic: false);

        async Task<IReadOnlyList<PolicyTaskRef>> FindAsync(FindPolicyTasks query) =>
            await site.WithServicesAsync(services => services.GetRequiredService<IMediator>().Send(query));

        var found = await FindAsync(new FindPolicyTasks(tag, null));
        Assert.Equal([second, first], found.Select(t => t.Id));
        Assert.Equal(new PolicyTaskRef(second, $"청년 창업 공간 {tag}", "Directive", "교통", 0, false), found[0]);
        Assert.Equal([first], (await FindAsync(new FindPolicyTasks(null, first))).Select(t => t.Id));
        Assert.Equal([first], (await FindAsync(new FindPolicyTasks($"#{first}", null))).Select(t => t.Id));
        Assert.Single(await FindAsync(new FindPolicyTasks(tag, null, Max: 1)));
        Assert.Empty(await FindAsync(new FindPolicyTasks("   ", null)));
        Assert.Empty(await FindAsync(new FindPolicyTasks(null, int.MaxValue)));
    }
}

/// <summary>A site without a module that answers <see cref="FindPolicyTasks"/>, as when the registry is left out.</summary>
public sealed class SiteWithoutTaskLookupFactory : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.RemoveAll<IRequestHandler<FindPolicyTasks, IReadOnlyList<PolicyTaskRef>>>());
    }
}

public sealed class AnswerWithoutRegistryTests(SiteWithoutTaskLookupFactory site) : IClassFixture<SiteWithoutTaskLookupFactory>
{
    [Fact]
    public async Task Without_the_registry_the_answer_form_asks_for_the_task_number()
    {
        var id = await site.OpenPetitionAsync();
        var staff = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Staff), TestAccounts.Password);

        var html = await staff.GetHtmlAsync($"/admin/petitions/{id}?taskSearch=" + Uri.EscapeDataString("버스"));

        Assert.Contains("id=\"answer-form\"", html);
        Assert.Contains("<input id=\"LinkedTaskId\" name=\"LinkedTaskId\" inputmode=\"numeric\"", html);
        Assert.Contains("<label for=\"LinkedTaskId\">정책 과제 번호</label>", html);
        Assert.DoesNotContain("task-search-form", html);
        Assert.DoesNotContain("type=\"radio\" name=\"LinkedTaskId\"", html);
    }
}
