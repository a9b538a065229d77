using System.Net;
using System.Security.Claims;
using System.Text;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Documents;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Modules.Registry.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Registry;

/// <summary>The registry's admin pages over HTTP, logged in through the login form with the demo site's accounts.</summary>
public sealed class RegistryAdminHttpTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    private const string TransportTask = "부평역 환승센터 정비";

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        T result = default!;
        await site.WithScopeAsync(async services => result = await services.GetRequiredService<IMediator>().Send(request));
        return result;
    }

    private Task<int> TaskIdAsync(string title) => site.WithDbAsync(db => db.Set<PolicyTask>().Where(t => t.Title == title).Select(t => t.Id).SingleAsync());

    private async Task<HttpClient> DemoClientAsync(string email) => await site.LoggedInClientAsync(email, DemoAccounts.Password);

    /// <summary>A DepartmentOfficer assigned to the welfare policy division only.</summary>
    private async Task<HttpClient> WelfareOfficerAsync() => (await WelfareOfficerWithIdAsync()).Client;

    /// <summary>As <see cref="WelfareOfficerAsync"/>, with the officer as a handler sees them when a command is sent without the page.</summary>
    private async Task<(HttpClient Client, ClaimsPrincipal Actor)> WelfareOfficerWithIdAsync()
    {
        var email = await site.CreateUserAsync(StandardRoles.DepartmentOfficer);
        var welfare = await site.WithDbAsync(db => db.Departments.Where(d => d.Code == "welfare-policy").Select(d => d.Id).SingleAsync());
        Assert.True(await SendAsync(new AssignOfficer { Email = email, DepartmentId = welfare }));
        var id = await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (await site.LoggedInClientAsync(email, TestAccounts.Password), Actors.SignedIn(id, StandardRoles.DepartmentOfficer));
    }

    /// <summary>The task numbers the form's parent task list offers.</summary>
    private static List<string> ParentChoices(string html) =>
        System.Text.RegularExpressions.Regex.Matches(
                System.Text.RegularExpressions.Regex.Match(html, "<select id=\"ParentId\".*?</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Value,
                "<option value=\"(\\d+)\"")
            .Select(m => m.Groups[1].Value).ToList();

    private static async Task<bool> IsForbiddenAsync(HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return true;
        }

        var location = response.Headers.Location?.OriginalString;
        return response.StatusCode == HttpStatusCode.Redirect && location is not null && location.Contains("/error/403", StringComparison.OrdinalIgnoreCase)
               && (await client.GetAsync(location)).StatusCode == HttpStatusCode.Forbidden;
    }

    private static MultipartFormDataContent ActivityForm(string token, string text, int progress)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("ProgressUpdate"), "Kind" },
            { new StringContent("2026-02-01"), "OccurredOn" },
            { new StringContent(text), "Text" },
            { new StringContent(progress.ToString()), "ProgressAfter" },
            { new StringContent("true"), "IsPublic" },
        };
        return form;
    }

    /// <summary>The task as it stands, for "nothing changed".</summary>
    private Task<(int Activities, int Documents, int Tasks, PolicyTask Task)> SnapshotAsync(int taskId) => site.WithDbAsync(async db => (
        await db.Set<TaskActivity>().CountAsync(a => a.TaskId == taskId),
        await db.Set<TaskDocument>().CountAsync(d => d.Activity!.TaskId == taskId),
        await db.Set<PolicyTask>().CountAsync(),
        await db.Set<PolicyTask>().AsNoTracking().SingleAsync(t => t.Id == taskId)));

    private static void AssertUnchanged((int Activities, int Documents, int Tasks, PolicyTask Task) before, (int Activities, int Documents, int Tasks, PolicyTask Task) after)
    {
        Assert.Equal(before.Activities, after.Activities);
        Assert.Equal(before.Documents, after.Documents);
        Assert.Equal(before.Tasks, after.Tasks);
        Assert.Equal(before.Task.Title, after.Task.Title);
        Assert.Equal(before.Task.Progress, after.Task.Progress);
        Assert.Equal(before.Task.Status, after.Task.Status);
        Assert.Equal(before.Task.DepartmentId, after.Task.DepartmentId);
    }

    [Fact]
    public async Task An_officer_of_another_department_is_refused_edits_and_new_entries_and_nothing_changes()
    {
        var taskId = await TaskIdAsync(TransportTask);
        var before = await site.WithDbAsync(async db => (
            Activities: await db.Set<TaskActivity>().CountAsync(a => a.TaskId == taskId),
            Task: await db.Set<PolicyTask>().AsNoTracking().SingleAsync(t => t.Id == taskId)));
        var client = await WelfareOfficerAsync();

        // The officer may read the task (internal view) but gets no edit controls.
        var detail = await client.GetAsync($"/admin/registry/tasks/{taskId}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var html = await detail.Content.ReadAsStringAsync();
        Assert.Contains("read-only-notice", html);
        Assert.DoesNotContain("id=\"activity-form\"", html);

        Assert.True(await IsForbiddenAsync(client, await client.GetAsync($"/admin/registry/tasks/{taskId}/edit")), "GET edit was not refused.");

        var token = await client.GetAntiforgeryTokenAsync($"/admin/registry/tasks/{taskId}");
        var edit = await client.PostAsync($"/admin/registry/tasks/{taskId}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Title"] = "다른 부서가 바꾼 제목",
            ["Kind"] = "KeyPolicy",
            ["Status"] = "Completed",
            ["Progress"] = "100",
            ["RegionIds"] = (await site.WithDbAsync(db => db.Regions.Select(r => r.Id).FirstAsync())).ToString(),
            ["IsPublic"] = "true",
        }));
        Assert.True(await IsForbiddenAsync(client, edit), $"POST edit answered {(int)edit.StatusCode}.");

        var add = await client.PostAsync($"/admin/registry/tasks/{taskId}/activities", ActivityForm(token, "다른 부서의 진행 보고", 99));
        Assert.True(await IsForbiddenAsync(client, add), $"POST activities answered {(int)add.StatusCode}.");

        var after = await site.WithDbAsync(async db => (
            Activities: await db.Set<TaskActivity>().CountAsync(a => a.TaskId == taskId),
            Task: await db.Set<PolicyTask>().AsNoTracking().SingleAsync(t => t.Id == taskId)));
        Assert.Equal(before.Activities, after.Activities);
        Assert.Equal(before.Task.Title, after.Task.Title);
        Assert.Equal(before.Task.Progress, after.Task.Progress);
        Assert.Equal(before.Task.Status, after.Task.Status);
    }

    [Fact]
    public async Task The_department_rule_is_the_handlers_whoever_sends_the_edit_the_entry_or_the_document()
    {
        var taskId = await TaskIdAsync(TransportTask);
        var before = await SnapshotAsync(taskId);
        var (client, officer) = await WelfareOfficerWithIdAsync();
        var pdf = SimplePdf.Create("Report", "Another department's report.");

        // Over HTTP: an entry carrying a document, from the welfare officer on the transport bureau's task.
        var token = await client.GetAntiforgeryTokenAsync($"/admin/registry/tasks/{taskId}");
        var upload = ActivityForm(token, "다른 부서의 문서 첨부", 50);
        upload.Add(new ByteArrayContent(pdf), "files", "다른 부서 보고서.pdf");
        var uploaded = await client.PostAsync($"/admin/registry/tasks/{taskId}/activities", upload);
        Assert.True(await IsForbiddenAsync(client, uploaded), $"POST activities with a document answered {(int)uploaded.StatusCode}.");

        // Sent directly, without any page: the handlers refuse the same person (the commands are otherwise valid).
        var region = await site.WithDbAsync(db => db.Regions.Select(r => r.Id).FirstAsync());
        await Assert.ThrowsAsync<Core.Mediation.ForbiddenException>(() => SendAsync(new SaveTask
        {
            Id = taskId, Title = "다른 부서가 바꾼 제목", Kind = before.Task.Kind, RegionIds = [region], Status = before.Task.Status, Progress = before.Task.Progress,
            DepartmentId = before.Task.DepartmentId, ParentId = before.Task.ParentId, Weight = before.Task.Weight, Actor = officer,
        }));
        await Assert.ThrowsAsync<Core.Mediation.ForbiddenException>(() => SendAsync(new AddActivity
        {
            TaskId = taskId, Kind = ActivityKind.Report, OccurredOn = new DateOnly(2026, 2, 1), Text = "다른 부서의 보고", Files = [new UploadedFile("다른 부서 보고서.pdf", pdf)],
            Actor = officer,
        }));
        await Assert.ThrowsAsync<Core.Mediation.ForbiddenException>(() => SendAsync(new AddActivity
        {
            TaskId = taskId, OccurredOn = new DateOnly(2026, 2, 1), Text = "로그인하지 않은 보고", Actor = Actors.Nobody,
        }));
        await Assert.ThrowsAsync<Core.Mediation.ForbiddenException>(() => SendAsync(new SaveTask { Title = "아무나 만든 과제", Kind = PolicyTaskKind.KeyPolicy, RegionIds = [region], Actor = Actors.Nobody }));

        // Creating a task for a department that is not the officer's own is refused with a message on the field.
        var refused = await Assert.ThrowsAsync<Core.Mediation.RequestValidationException>(() => SendAsync(new SaveTask
        {
            Title = "다른 부서에 넣은 과제", Kind = PolicyTaskKind.KeyPolicy, RegionIds = [region], DepartmentId = before.Task.DepartmentId, Actor = officer,
        }));
        Assert.Equal(nameof(SaveTask.DepartmentId), Assert.Single(refused.Failures).Field);

        AssertUnchanged(before, await SnapshotAsync(taskId));
    }

    [Fact]
    public async Task An_officer_cannot_put_a_task_under_another_departments_task_whose_progress_it_would_change()
    {
        var parentId = await TaskIdAsync(TransportTask);
        var before = await SnapshotAsync(parentId);
        var (client, officer) = await WelfareOfficerWithIdAsync();
        var welfare = await site.WithDbAsync(db => db.Departments.Where(d => d.Code == "welfare-policy").Select(d => d.Id).SingleAsync());
        var region = await site.WithDbAsync(db => db.Regions.Select(r => r.Id).FirstAsync());

        // The form offers only the officer's own departments' tasks as parents.
        var parents = ParentChoices(await client.GetStringAsync("/admin/registry/tasks/new"));
        Assert.DoesNotContain(parentId.ToString(), parents);

        var refused = await Assert.ThrowsAsync<Core.Mediation.RequestValidationException>(() => SendAsync(new SaveTask
        {
            Title = "복지 과제를 교통 과제 아래에", Kind = PolicyTaskKind.KeyPolicy, RegionIds = [region], DepartmentId = welfare, ParentId = parentId,
            Progress = 100, Actor = officer,
        }));
        Assert.Equal(nameof(SaveTask.ParentId), Assert.Single(refused.Failures).Field);
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<PolicyTask>().CountAsync(t => t.Title == "복지 과제를 교통 과제 아래에")));
        AssertUnchanged(before, await SnapshotAsync(parentId));

        // An administrator may, and the officer then keeps the parent when editing their own task.
        var childId = await SendAsync(new SaveTask
        {
            Title = "교통 과제 아래의 복지 과제", Kind = PolicyTaskKind.KeyPolicy, RegionIds = [region], DepartmentId = welfare, ParentId = parentId,
            Progress = 40, Actor = Actors.Administrator,
        });
        Assert.Contains(parentId.ToString(), ParentChoices(await client.GetStringAsync($"/admin/registry/tasks/{childId}/edit")));
        await SendAsync(new SaveTask
        {
            Id = childId, Title = "교통 과제 아래의 복지 과제 (수정)", Kind = PolicyTaskKind.KeyPolicy, RegionIds = [region], DepartmentId = welfare, ParentId = parentId,
            Progress = 40, Actor = officer,
        });
        var movedOut = await Assert.ThrowsAsync<Core.Mediation.RequestValidationException>(() => SendAsync(new SaveTask
        {
            Id = childId, Title = "교통 과제 아래의 복지 과제 (수정)", Kind = PolicyTaskKind.KeyPolicy, RegionIds = [region], DepartmentId = welfare, ParentId = null,
            Progress = 40, Actor = officer,
        }));
        Assert.Equal(nameof(SaveTask.ParentId), Assert.Single(movedOut.Failures).Field);
    }

    [Fact]
    public async Task The_departments_own_officer_cannot_hand_its_task_to_another_department()
    {
        var taskId = await TaskIdAsync(TransportTask);
        var before = await SnapshotAsync(taskId);
        var welfare = await site.WithDbAsync(db => db.Departments.Where(d => d.Code == "welfare-policy").Select(d => d.Id).SingleAsync());
        var client = await DemoClientAsync(DemoAccounts.TransportOfficer);

        var response = await client.PostFormAsync($"/admin/registry/tasks/{taskId}/edit", $"/admin/registry/tasks/{taskId}/edit", new Dictionary<string, string>
        {
            ["Title"] = before.Task.Title,
            ["Kind"] = before.Task.Kind.ToString(),
            ["Status"] = before.Task.Status.ToString(),
            ["Progress"] = before.Task.Progress.ToString(),
            ["DepartmentId"] = welfare.ToString(),
            ["IsPublic"] = "true",
        });

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("본인이 소속된 부서를 선택하십시오.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        AssertUnchanged(before, await SnapshotAsync(taskId));
    }

    [Fact]
    public async Task Internal_comments_are_written_by_the_tasks_department_and_by_staff_not_by_other_departments_officers()
    {
        var taskId = await TaskIdAsync(TransportTask);
        Task<int> CommentsAsync() => site.WithDbAsync(db => db.Set<StaffComment>().CountAsync(c => c.TaskId == taskId));
        var before = await CommentsAsync();

        var welfare = await WelfareOfficerAsync();
        var page = await (await welfare.GetAsync($"/admin/registry/tasks/{taskId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"comment-form\"", page);
        Assert.Contains("id=\"comment-not-allowed\"", page);
        var refused = await welfare.PostFormAsync($"/admin/registry/tasks/{taskId}", $"/admin/registry/tasks/{taskId}/comments", new Dictionary<string, string> { ["Text"] = "다른 부서의 의견" });
        Assert.True(await IsForbiddenAsync(welfare, refused), $"POST comments answered {(int)refused.StatusCode}.");
        Assert.Equal(before, await CommentsAsync());

        // The rule is the handler's: a caller other than the page meets it too.
        await Assert.ThrowsAsync<Core.Mediation.ForbiddenException>(() => SendAsync(new AddComment { TaskId = taskId, Text = "권한 없는 의견", Actor = new System.Security.Claims.ClaimsPrincipal() }));
        Assert.Equal(before, await CommentsAsync());

        foreach (var email in new[] { DemoAccounts.TransportOfficer, DemoAccounts.Staff })
        {
            var client = await DemoClientAsync(email);
            var added = await client.PostFormAsync($"/admin/registry/tasks/{taskId}", $"/admin/registry/tasks/{taskId}/comments", new Dictionary<string, string> { ["Text"] = "담당 부서와 직원의 의견 " + email });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        Assert.Equal(before + 2, await CommentsAsync());
    }

    [Fact]
    public async Task The_departments_own_officer_adds_an_entry_over_http()
    {
        var taskId = await TaskIdAsync("청라 도시철도 연장 검토");
        var client = await DemoClientAsync(DemoAccounts.TransportOfficer);
        var token = await client.GetAntiforgeryTokenAsync($"/admin/registry/tasks/{taskId}");

        var response = await client.PostAsync($"/admin/registry/tasks/{taskId}/activities", ActivityForm(token, "타당성 조사 착수", 15));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/admin/registry/tasks/{taskId}#activity-", response.Headers.Location!.OriginalString);
        Assert.Equal(15, await site.WithDbAsync(db => db.Set<PolicyTask>().Where(t => t.Id == taskId).Select(t => t.Progress).SingleAsync()));
    }

    [Fact]
    public async Task Staff_see_internal_tasks_that_visitors_cannot_find()
    {
        var reference = await site.WithDbAsync(async db => (
            Field: await db.PolicyFields.Select(f => f.Id).FirstAsync(),
            Department: await db.Departments.Where(d => d.Code == "transport-policy").Select(d => d.Id).SingleAsync(),
            Region: await db.Regions.Where(r => r.Code == "bupyeong").Select(r => r.Id).SingleAsync()));
        const string title = "내부 검토 중인 교통 과제";
        var taskId = await SendAsync(new SaveTask
        {
            Actor = Actors.Administrator,
            Title = title, Kind = PolicyTaskKind.KeyPolicy, PolicyFieldId = reference.Field, DepartmentId = reference.Department,
            RegionIds = [reference.Region], IsPublic = false, Progress = 5,
        });

        var staff = await DemoClientAsync(DemoAccounts.Staff);
        var list = WebUtility.HtmlDecode(await staff.GetStringAsync("/admin/registry/tasks?q=" + Uri.EscapeDataString("내부 검토")));
        Assert.Contains(title, list);
        var detail = await staff.GetAsync($"/admin/registry/tasks/{taskId}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains(title, WebUtility.HtmlDecode(await detail.Content.ReadAsStringAsync()));

        var visitor = site.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/mayors-office/tasks/{taskId}")).StatusCode);
        Assert.DoesNotContain(title, WebUtility.HtmlDecode(await visitor.GetStringAsync("/mayors-office?region=bupyeong")));
        Assert.DoesNotContain(title, WebUtility.HtmlDecode(await visitor.GetStringAsync("/mayors-office/map-data")));
    }

    [Fact]
    public async Task Citizens_are_refused_on_every_registry_admin_route()
    {
        var routes = Endpoints.All(site.Services)
            .Where(e => e.Url.StartsWith("/admin/registry", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Methods.Count == 0 ? ["GET"] : e.Methods, (e, method) => (Method: method, e.Url))
            .Distinct()
            .ToList();
        Assert.True(routes.Count >= 12, $"Only {routes.Count} registry admin routes were found.");
        var taskId = await TaskIdAsync(TransportTask);

        var client = await DemoClientAsync(DemoAccounts.Citizen);
        var token = await client.GetAntiforgeryTokenAsync("/account/profile");
        var wrong = new List<string>();
        foreach (var (method, url) in routes)
        {
            var real = url.Replace("/1/", $"/{taskId}/").Replace("/tasks/1", $"/tasks/{taskId}");
            var response = method == "GET"
                ? await client.GetAsync(real)
                : await client.PostAsync(real, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            if (!await IsForbiddenAsync(client, response))
            {
                wrong.Add($"{method} {real} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(wrong.Count == 0, "Not refused to a citizen:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task The_csv_export_is_utf8_with_a_byte_order_mark_and_korean_text()
    {
        var admin = await DemoClientAsync(DemoAccounts.Administrator);

        var response = await admin.GetAsync("/admin/registry/transfer/tasks.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition?.ToString() ?? "");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains(TransportTask, text);
        Assert.Contains("광역교통과 김도윤", text);
        Assert.True(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length >= 29);

        // Only those who manage the registry may export.
        var staff = await DemoClientAsync(DemoAccounts.Staff);
        Assert.True(await IsForbiddenAsync(staff, await staff.GetAsync("/admin/registry/transfer/tasks.csv")));
    }

    [Fact]
    public async Task The_csv_export_defuses_formulas_in_text_keeps_numbers_as_numbers_and_imports_back_to_the_same_text()
    {
        var reference = await site.WithDbAsync(async db => (
            Field: await db.PolicyFields.Select(f => f.Id).FirstAsync(),
            Region: await db.Regions.Where(r => r.Code == "bupyeong").Select(r => r.Id).SingleAsync()));
        const string summary = "=HYPERLINK(\"http://evil.example\",\"보기\")";
        string[] titles = ["=1+1", "+82 32 120 민원 상담", "-3 ℃ 한파 대책", "@담당자 확인", "＝SUM(A1:A9) 전각", "'=따옴표로 시작하는 제목"];
        var ids = new List<int>();
        foreach (var title in titles)
        {
            ids.Add(await SendAsync(new SaveTask
            {
                Actor = Actors.Administrator,
                Title = title, Summary = summary, Kind = PolicyTaskKind.KeyPolicy, PolicyFieldId = reference.Field, RegionIds = [reference.Region],
                IsPublic = true, Latitude = -33.45, Longitude = -70.66, Weight = 2.5,
            }));
        }

        // A citizen-born task takes its title from the petition, which any citizen writes.
        const string petitionTitle = "-2+3 청원: =HYPERLINK(\"http://evil.example\")";
        var originId = Guid.NewGuid().ToString("N");
        await site.WithScopeAsync(services => services.GetRequiredService<IMediator>().Publish(new OutcomePublished(
            OutcomeOrigin.Petition, originId, petitionTitle, $"/petitions/{originId}", "answered", "시장 답변: 검토하겠습니다.",
            null, "bupyeong", new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), null, null)));
        var citizenBorn = await TaskIdAsync(petitionTitle);

        var admin = await DemoClientAsync(DemoAccounts.Administrator);
        var exported = await admin.GetByteArrayAsync("/admin/registry/transfer/tasks.csv");
        var lines = Encoding.UTF8.GetString(exported, 3, exported.Length - 3).Split("\r\n");
        string Row(int id) => Assert.Single(lines, l => l.StartsWith($"{id},", StringComparison.Ordinal));
        const string defusedSummary = "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"보기\"\")\"";
        Assert.StartsWith($"{ids[0]},'=1+1,{defusedSummary},key-policy,", Row(ids[0]));
        Assert.StartsWith($"{ids[1]},'+82 32 120 민원 상담,", Row(ids[1]));
        Assert.StartsWith($"{ids[2]},'-3 ℃ 한파 대책,", Row(ids[2]));
        Assert.StartsWith($"{ids[3]},'@담당자 확인,", Row(ids[3]));
        Assert.StartsWith($"{ids[4]},'＝SUM(A1:A9) 전각,", Row(ids[4]));
        Assert.StartsWith($"{ids[5]},''=따옴표로 시작하는 제목,", Row(ids[5]));
        Assert.StartsWith($"{citizenBorn},\"'-2+3 청원: =HYPERLINK(\"\"http://evil.example\"\")\",", Row(citizenBorn));
        // Numbers the site writes itself stay numbers: a negative coordinate is not text.
        Assert.Contains(",bupyeong,-33.45,-70.66,,,,,planned,0,,2.5,true", Row(ids[0]));
        Assert.Contains(",2026-03-02,", Row(citizenBorn));

        var file = Encoding.UTF8.GetBytes("\uFEFF" + string.Join("\r\n", [lines[0], .. ids.Append(citizenBorn).Select(Row)]) + "\r\n");
        var response = await ImportAsync(admin, file);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await site.WithDbAsync(db => db.Set<PolicyTask>().AsNoTracking().Where(t => ids.Contains(t.Id) || t.Id == citizenBorn).ToDictionaryAsync(t => t.Id));
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(titles[i], after[ids[i]].Title);
            Assert.Equal(summary, after[ids[i]].Summary);
            Assert.Equal((-33.45, -70.66, 2.5), (after[ids[i]].Latitude, after[ids[i]].Longitude, after[ids[i]].Weight));
        }

        Assert.Equal(petitionTitle, after[citizenBorn].Title);
        Assert.Equal(PolicyTaskKind.CitizenBorn, after[citizenBorn].Kind);
    }

    [Fact]
    public async Task A_csv_import_with_unpaired_quotes_or_more_values_than_columns_is_refused_with_a_message_and_changes_nothing()
    {
        var admin = await DemoClientAsync(DemoAccounts.Administrator);
        var header = string.Join(',', TaskCsvFormat.Columns) + "\r\n";
        const string good = ",따옴표 시험 정상 과제,,pledge,,incheon,,,,,,,planned,0,,1,true\r\n";
        var before = await site.WithDbAsync(db => db.Set<PolicyTask>().CountAsync());

        var unpaired = await ImportAsync(admin, Encoding.UTF8.GetBytes(header + good + ",\"닫히지 않은 따옴표,,pledge,,incheon,,,,,,,planned,0,,1,true\r\n" + good));
        Assert.Equal(HttpStatusCode.BadRequest, unpaired.StatusCode);
        Assert.Contains("3행: 따옴표의 짝이 맞지 않습니다.", WebUtility.HtmlDecode(await unpaired.Content.ReadAsStringAsync()));

        var extra = await ImportAsync(admin, Encoding.UTF8.GetBytes(header + good + ",쉼표가 많은 과제,,pledge,,incheon,,,,,,,planned,0,,1,true,남는 값\r\n"));
        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);
        Assert.Contains("3행: 첫 행의 열 이름보다 값이 많습니다.", WebUtility.HtmlDecode(await extra.Content.ReadAsStringAsync()));

        Assert.Equal(before, await site.WithDbAsync(db => db.Set<PolicyTask>().CountAsync()));
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] csv)
    {
        var token = await client.GetAntiforgeryTokenAsync("/admin/registry/transfer");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(csv), "file", "tasks.csv" },
        };
        return await client.PostAsync("/admin/registry/transfer", form);
    }

    [Fact]
    public async Task Staff_link_a_waiting_outcome_to_a_task_with_a_form_post()
    {
        var taskId = await TaskIdAsync(TransportTask);
        var originId = Guid.NewGuid().ToString("N");
        await site.WithScopeAsync(services => services.GetRequiredService<IMediator>().Publish(new OutcomePublished(
            OutcomeOrigin.Proposal, originId, "부평역 보행 동선 개선 제안", $"/proposals/{originId}", "adopted", "제안을 채택했습니다: 보행 동선을 반영합니다.",
            "transport", "bupyeong", new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), null, null, CreateTaskIfUnlinked: false)));
        var outcomeId = (await SendAsync(new ListOutcomes(originId, OutcomeState.Waiting))).Rows.Single(o => o.OriginId == originId).Id;

        var staff = await DemoClientAsync(DemoAccounts.Staff);
        var inbox = WebUtility.HtmlDecode(await staff.GetStringAsync("/admin/registry/outcomes"));
        Assert.Contains("부평역 보행 동선 개선 제안", inbox);

        // Without the antiforgery token nothing happens.
        var forged = await staff.PostAsync($"/admin/registry/outcomes/{outcomeId}/link", new FormUrlEncodedContent(new Dictionary<string, string> { ["taskId"] = taskId.ToString() }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains((await SendAsync(new ListOutcomes(originId, OutcomeState.Waiting))).Rows, o => o.OriginId == originId);

        var response = await staff.PostFormAsync("/admin/registry/outcomes", $"/admin/registry/outcomes/{outcomeId}/link",
            new Dictionary<string, string> { ["taskId"] = taskId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/registry/outcomes", response.Headers.Location!.OriginalString);
        var after = WebUtility.HtmlDecode(await staff.GetStringAsync("/admin/registry/outcomes"));
        Assert.Contains($"/admin/registry/tasks/{taskId}", after);
        Assert.DoesNotContain((await SendAsync(new ListOutcomes(originId, OutcomeState.Waiting))).Rows, o => o.OriginId == originId);
        var page = await SendAsync(new GetTaskPage(taskId, IncludeInternal: false));
        Assert.Contains(page!.Activities, a => a.Kind == ActivityKind.CitizenOutcome && a.OutcomeLink == $"/proposals/{originId}");
        Assert.Contains(page.Origins, o => o.OriginId == originId);

        // A citizen cannot link outcomes.
        var citizen = await DemoClientAsync(DemoAccounts.Citizen);
        var token = await citizen.GetAntiforgeryTokenAsync("/account/profile");
        var refused = await citizen.PostAsync($"/admin/registry/outcomes/{outcomeId}/link", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["createTask"] = "true",
        }));
        Assert.True(await IsForbiddenAsync(citizen, refused));
    }

    [Fact]
    public async Task The_cached_dashboard_shows_a_change_at_once_and_the_map_data_says_how_many_markers_it_holds()
    {
        var visitor = site.CreateClient();
        using (var before = System.Text.Json.JsonDocument.Parse(await visitor.GetStringAsync("/mayors-office/map-data?region=ganghwa")))
        {
            var total = before.RootElement.GetProperty("total").GetInt32();
            Assert.Equal(GetDashboardHandler.MaxMarkers, before.RootElement.GetProperty("markerLimit").GetInt32());
            Assert.False(before.RootElement.GetProperty("markersCapped").GetBoolean());
            Assert.Equal(before.RootElement.GetProperty("markers").GetArrayLength(), before.RootElement.GetProperty("markersTotal").GetInt32());

            var reference = await site.WithDbAsync(async db => (
                Field: await db.PolicyFields.Select(f => f.Id).FirstAsync(),
                Region: await db.Regions.Where(r => r.Code == "ganghwa").Select(r => r.Id).SingleAsync()));
            const string title = "강화 평화전망대 셔틀버스 신설";
            await SendAsync(new SaveTask
            {
                Actor = Actors.Administrator,
                Title = title, Kind = PolicyTaskKind.KeyPolicy, PolicyFieldId = reference.Field, RegionIds = [reference.Region], IsPublic = true,
                Progress = 20, Latitude = 37.76, Longitude = 126.45,
            });

            using var after = System.Text.Json.JsonDocument.Parse(await visitor.GetStringAsync("/mayors-office/map-data?region=ganghwa"));
            Assert.Equal(total + 1, after.RootElement.GetProperty("total").GetInt32());
            Assert.Contains(title, WebUtility.HtmlDecode(await visitor.GetStringAsync("/mayors-office?region=ganghwa")));
        }
    }
}
