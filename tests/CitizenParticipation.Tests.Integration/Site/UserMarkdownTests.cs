using System.Globalization;
using System.Net;
using System.Text;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Modules.Registry.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using CitizenParticipation.Tests.Integration.Petitions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Site;

/// <summary>
/// Markdown that Markdig cannot format in bounded time (the penetration test's 19,990 "&gt;") is refused
/// where it is written, and shown as plain text where it was stored anyway, on every page that shows it.
/// </summary>
public sealed class UserMarkdownTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    private const string TransportTask = "부평역 환승센터 정비";
    private const string TooDeepInKorean = "인용이나 목록이 16단계보다 깊게 겹쳐 있습니다. 단계를 줄여 주세요.";
    private const string TooManyMarksInKorean = "한 문단에 서식 기호(*, _, `, [ 등)가 너무 많습니다. 문단을 나누거나 기호를 줄여 주세요.";
    private const string StaffNoteInKorean = "이 글은 너무 깊게 겹쳐 있거나 서식 기호가 너무 많아 서식 없이 일반 텍스트로 표시됩니다.";

    private static readonly string TooDeep = new('>', 19990);
    private static readonly string TooManyMarks = string.Concat(Enumerable.Repeat("*a", 9990));

    /// <summary>Stored text as a page shows it: escaped, a script tag included, and long enough to find.</summary>
    // Short enough for the columns' 20,000 characters, which PostgreSQL enforces.
    private static readonly string StoredTooDeep = new string('>', 19900) + "\n<script>alert(1)</script> **글**";
    private static readonly string StoredTooDeepAsHtml = WebUtility.HtmlEncode(new string('>', 19900)) + "<br>\n&lt;script&gt;alert(1)&lt;/script&gt; **글**";

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        T result = default!;
        await site.WithScopeAsync(async services => result = await services.GetRequiredService<IMediator>().Send(request));
        return result;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The page as sent (not decoded), after checking that it was served.</summary>
    private static async Task<string> OkPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Commands sent outside a request speak the thread's language; these tests read the English source texts.</summary>
    private static async Task InEnglishAsync(Func<Task> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task A_petition_nested_too_deeply_or_with_too_many_marks_is_refused_in_Korean_and_nothing_is_stored()
    {
        var author = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        var title = "깊게 겹친 인용 청원 " + Guid.NewGuid().ToString("N")[..6];
        var before = await site.WithDbAsync(db => db.Set<Petition>().CountAsync());

        foreach (var (body, intent, message) in new[]
                 {
                     (TooDeep, "preview", TooDeepInKorean), (TooDeep, "submit", TooDeepInKorean), (TooManyMarks, "save", TooManyMarksInKorean),
                 })
        {
            var response = await author.PostFormAsync("/petitions/new", "/petitions/new", new Dictionary<string, string>
            {
                ["Title"] = title,
                ["Body"] = body,
                ["PolicyFieldId"] = (await site.FirstFieldIdAsync()).ToString(CultureInfo.InvariantCulture),
                ["RegionId"] = (await site.FirstRegionIdAsync()).ToString(CultureInfo.InvariantCulture),
                ["intent"] = intent,
            });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await HtmlAsync(response);
            Assert.Contains(message, html);
            Assert.Contains("id=\"Body\"", html);
        }

        Assert.Equal(before, await site.WithDbAsync(db => db.Set<Petition>().CountAsync()));
    }

    [Fact]
    public Task Every_command_that_writes_markdown_refuses_it_with_a_message_for_its_field() => InEnglishAsync(async () =>
    {
        var taskId = await site.WithDbAsync(db => db.Set<PolicyTask>().Where(t => t.Title == TransportTask).Select(t => t.Id).SingleAsync());
        var field = await site.FirstFieldIdAsync();
        var region = await site.FirstRegionIdAsync();
        var commands = new (Func<IMediator, Task> Send, string Field)[]
        {
            (m => m.Send(new SavePetitionDraft { AuthorId = Guid.NewGuid(), Title = "깊게 겹친 청원", Body = TooDeep, PolicyFieldId = field, RegionId = region }), "Body"),
            (m => m.Send(new AnswerPetition { PetitionId = 1, Text = TooDeep, Official = "담당관" }), "Text"),
            (m => m.Send(new SaveTask { Title = "깊게 겹친 과제", Summary = TooDeep }), "Summary"),
            (m => m.Send(new AddActivity { TaskId = taskId, OccurredOn = new DateOnly(2026, 3, 1), Text = TooDeep }), "Text"),
        };

        foreach (var (send, name) in commands)
        {
            var refused = await Assert.ThrowsAsync<RequestValidationException>(() => site.WithScopeAsync(services =>
                send(services.GetRequiredService<IMediator>())));

            Assert.Contains(refused.Failures, f => f.Field == name && f.Message == MarkdownLimits.TooDeepMessage);
        }
    });

    [Fact]
    public async Task A_stored_petition_outside_the_limits_shows_as_plain_text_and_only_staff_see_why()
    {
        var author = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        var staff = await site.LoggedInClientAsync(DemoAccounts.Staff, DemoAccounts.Password);
        await site.SetPetitionSettingsAsync(s => s with { PriorAgreements = 0, PreModeration = true });
        var id = await site.SubmitPetitionAsync(author, "저장된 깊은 인용 " + Guid.NewGuid().ToString("N")[..6], "처음에는 평범한 청원 본문이었습니다. 나중에 바뀝니다.");
        await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Body, StoredTooDeep)));

        // Under review: the moderation page.
        var reviewHtml = await OkPageAsync(staff, $"/admin/petitions/{id}");
        Assert.Contains(StoredTooDeepAsHtml, reviewHtml);
        Assert.Contains(StaffNoteInKorean, reviewHtml);
        Assert.DoesNotContain("<script>alert(1)", reviewHtml);

        // Published: the public page, for visitors and for the author.
        await site.PublishAsync(staff, id);
        foreach (var reader in new[] { site.CreateBrowserClient(), author })
        {
            var html = await OkPageAsync(reader, $"/petitions/{id}");
            Assert.Contains(StoredTooDeepAsHtml, html);
            Assert.DoesNotContain(StaffNoteInKorean, html);
            Assert.DoesNotContain("<script>alert(1)", html);
        }
    }

    [Fact]
    public async Task Registry_entries_and_summaries_outside_the_limits_are_refused_on_every_way_in()
    {
        var taskId = await site.WithDbAsync(db => db.Set<PolicyTask>().Where(t => t.Title == TransportTask).Select(t => t.Id).SingleAsync());
        var count = () => site.WithDbAsync(async db => (await db.Set<PolicyTask>().CountAsync(), await db.Set<TaskActivity>().CountAsync()));
        var before = await count();
        var admin = await site.LoggedInClientAsync(DemoAccounts.Administrator, DemoAccounts.Password);

        // The timeline form.
        var token = await admin.GetAntiforgeryTokenAsync($"/admin/registry/tasks/{taskId}");
        var entry = await admin.PostAsync($"/admin/registry/tasks/{taskId}/activities", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Report"), "Kind" },
            { new StringContent("2026-03-01"), "OccurredOn" },
            { new StringContent(TooManyMarks), "Text" },
            { new StringContent("true"), "IsPublic" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, entry.StatusCode);
        Assert.Contains(TooManyMarksInKorean, await HtmlAsync(entry));

        // The task form.
        var saved = await admin.PostFormAsync($"/admin/registry/tasks/{taskId}/edit", $"/admin/registry/tasks/{taskId}/edit", new Dictionary<string, string>
        {
            ["Title"] = TransportTask, ["Summary"] = TooDeep, ["Kind"] = "KeyPolicy", ["Status"] = "InProgress", ["Progress"] = "10", ["Weight"] = "1",
        });
        Assert.Contains(TooDeepInKorean, await HtmlAsync(saved));

        // A CSV import reports the row.
        var csv = string.Join(',', TaskCsvFormat.Columns) + "\r\n" + $",깊게 겹친 과제,{TooDeep},pledge,,incheon,,,,,,,planned,0,,1,true\r\n";
        await InEnglishAsync(async () =>
        {
            var import = await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(new ImportTasks(Encoding.UTF8.GetBytes(csv))));
            Assert.Equal("Row 2: " + MarkdownLimits.TooDeepMessage, string.Join(" / ", import.Failures.Select(f => f.Message)));
        });

        // Recipes name the item.
        var recipe = $$"""
            { "name": "deep", "steps": [ { "name": "policyTasks", "tasks": [ { "title": "깊게 겹친 과제", "regions": ["incheon"],
              "activities": [ { "kind": "report", "date": "2026-03-01", "text": "{{TooDeep}}" } ] } ] } ] }
            """;
        var refused = await Assert.ThrowsAsync<RecipeException>(() => site.WithScopeAsync(services =>
            services.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDescriptor.Parse(recipe))));
        Assert.Contains("Task 1 (깊게 겹친 과제)", refused.Reason);
        Assert.Contains(MarkdownLimits.TooDeepMessage, refused.Reason);

        Assert.Equal(before, await count());
    }

    [Fact]
    public async Task A_petitions_recipe_names_the_petition_whose_body_is_refused()
    {
        var before = await site.WithDbAsync(db => db.Set<Petition>().CountAsync());
        var recipe = $$"""
            { "name": "deep", "steps": [ { "name": "petitions", "petitions": [
              { "author": "{{DemoAccounts.Citizen}}", "title": "깊게 겹친 청원", "body": "{{TooManyMarks}}", "field": "transport", "region": "incheon", "status": "draft" } ] } ] }
            """;

        var refused = await Assert.ThrowsAsync<RecipeException>(() => site.WithScopeAsync(services =>
            services.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeDescriptor.Parse(recipe))));

        Assert.Contains("petition 1: the body: " + MarkdownLimits.TooManyMarksMessage, refused.Reason);
        Assert.Equal(before, await site.WithDbAsync(db => db.Set<Petition>().CountAsync()));
    }

    [Fact]
    public async Task A_stored_task_summary_and_entry_outside_the_limits_show_as_plain_text_and_only_staff_see_why()
    {
        // Another task than the one the refusals above leave unchanged.
        var found = await site.WithDbAsync(db => db.Set<TaskActivity>()
            .Where(a => a.IsPublic && a.Task!.IsPublic && a.Task.Title != TransportTask)
            .OrderBy(a => a.Id).Select(a => new { a.TaskId, a.Id }).FirstAsync());
        var (taskId, activityId) = (found.TaskId, found.Id);
        await site.WithDbAsync(async db =>
        {
            await db.Set<PolicyTask>().Where(t => t.Id == taskId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Summary, StoredTooDeep));
            return await db.Set<TaskActivity>().Where(a => a.Id == activityId).ExecuteUpdateAsync(u => u.SetProperty(a => a.Text, StoredTooDeep));
        });

        var page = await OkPageAsync(site.CreateBrowserClient(), $"/mayors-office/tasks/{taskId}");
        Assert.Equal(2, page.Split(StoredTooDeepAsHtml).Length - 1);
        Assert.DoesNotContain(StaffNoteInKorean, page);

        var feed = await OkPageAsync(site.CreateBrowserClient(), $"/mayors-office/tasks/{taskId}/feed.atom");
        Assert.Contains(WebUtility.HtmlEncode(StoredTooDeepAsHtml), feed);

        var staff = await site.LoggedInClientAsync(DemoAccounts.Staff, DemoAccounts.Password);
        var staffPage = await OkPageAsync(staff, $"/admin/registry/tasks/{taskId}");
        Assert.Contains(StoredTooDeepAsHtml, staffPage);
        Assert.Contains(StaffNoteInKorean, staffPage);
    }

    [Fact]
    public async Task A_tilde_range_shows_as_written_in_task_summaries_timeline_entries_petitions_and_answers()
    {
        const string Ranges = "19~24세 청년, 평일 9~18시, ~~주말~~ 10~16시";
        var task = await site.WithDbAsync(db => db.Set<PolicyTask>().Where(t => t.Summary.StartsWith("송도~부평~서울")).Select(t => t.Id).SingleAsync());
        var entry = await site.WithDbAsync(db => db.Set<TaskActivity>().Where(a => a.TaskId == task && a.IsPublic).Select(a => a.Id).FirstAsync());
        await site.WithDbAsync(db => db.Set<TaskActivity>().Where(a => a.Id == entry).ExecuteUpdateAsync(u => u.SetProperty(a => a.Text, "기록: " + Ranges)));
        var petition = await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.AnsweredAt != null && p.Status == PetitionStatus.Answered).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == petition)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Body, "청원: " + Ranges).SetProperty(p => p.AnswerText, "답변: " + Ranges)));

        var taskPage = WebUtility.HtmlDecode(await OkPageAsync(site.CreateBrowserClient(), $"/mayors-office/tasks/{task}"));
        var petitionPage = WebUtility.HtmlDecode(await OkPageAsync(site.CreateBrowserClient(), $"/petitions/{petition}"));

        Assert.Contains("<div class=\"user-content\"><p>송도~부평~서울을 잇는", taskPage);
        Assert.Contains($"<div class=\"user-content\"><p>기록: {Ranges}</p>", taskPage);
        Assert.Contains($"<div class=\"user-content\"><p>청원: {Ranges}</p>", petitionPage);
        Assert.Contains($"<div class=\"user-content\"><p>답변: {Ranges}</p>", petitionPage);
        foreach (var page in new[] { taskPage, petitionPage })
        {
            Assert.DoesNotContain("<sub>", page);
            Assert.DoesNotContain("<del>", page);
        }
    }
}
