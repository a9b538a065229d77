using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Documents;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Modules.Registry.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Registry;

public sealed class RegistryTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<(int Field, int Department, int Region, int City)> ReferenceDataAsync() =>
        await site.WithDbAsync(async db =>
        {
            if (!await db.Regions.AnyAsync(r => r.Code == "bupyeong"))
            {
                db.Regions.Add(new Region { Code = "incheon", NameKo = "인천광역시", NameEn = "Incheon", Kind = RegionKind.City });
                db.Regions.Add(new Region { Code = "bupyeong", NameKo = "부평구", NameEn = "Bupyeong-gu", Kind = RegionKind.District, SortOrder = 10 });
                db.PolicyFields.Add(new PolicyField { Code = "transport", NameKo = "교통", NameEn = "Transport" });
                db.Departments.Add(new Department { Code = "transport", NameKo = "교통국", NameEn = "Transport Bureau" });
                await db.SaveChangesAsync();
            }

            return (
                await db.PolicyFields.Where(f => f.Code == "transport").Select(f => f.Id).FirstAsync(),
                await db.Departments.Where(d => d.Code == "transport").Select(d => d.Id).FirstAsync(),
                await db.Regions.Where(r => r.Code == "bupyeong").Select(r => r.Id).FirstAsync(),
                await db.Regions.Where(r => r.Code == "incheon").Select(r => r.Id).FirstAsync());
        });

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        T result = default!;
        await site.WithScopeAsync(async services => result = await services.GetRequiredService<IMediator>().Send(request));
        return result;
    }

    private Task PublishAsync(INotification notification) =>
        site.WithScopeAsync(services => services.GetRequiredService<IMediator>().Publish(notification));

    private async Task<int> CreateTaskAsync(string title, bool isPublic = true, int? parentId = null, double weight = 1, int progress = 0)
    {
        var (field, department, region, _) = await ReferenceDataAsync();
        return await SendAsync(new SaveTask
        {
            Actor = Actors.Administrator,
            Title = title, Kind = PolicyTaskKind.KeyPolicy, PolicyFieldId = field, DepartmentId = department, RegionIds = [region],
            IsPublic = isPublic, ParentId = parentId, Weight = weight, Progress = progress, Latitude = 37.50, Longitude = 126.72,
        });
    }

    private static OutcomePublished Outcome(string originId, string decision, int? linkedTaskId = null) =>
        new(OutcomeOrigin.Petition, originId, "버스 노선 개편 청원", $"/petitions/{originId}", decision, "시장 답변: 노선을 조정하겠습니다.",
            "transport", "bupyeong", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), null, linkedTaskId);

    [Fact]
    public async Task An_unlinked_outcome_creates_a_citizen_born_task_once()
    {
        await ReferenceDataAsync();
        var originId = Guid.NewGuid().ToString("N");

        await PublishAsync(Outcome(originId, "answered"));
        await PublishAsync(Outcome(originId, "answered"));

        var tasks = await site.WithDbAsync(db => db.Set<PolicyTask>().Include(t => t.Origins).Include(t => t.Regions)
            .Where(t => t.Origins.Any(o => o.OriginId == originId)).ToListAsync());
        var task = Assert.Single(tasks);
        Assert.Equal(PolicyTaskKind.CitizenBorn, task.Kind);
        Assert.True(task.IsPublic);
        Assert.Single(task.Regions);
        var activities = await site.WithDbAsync(db => db.Set<TaskActivity>().Where(a => a.TaskId == task.Id).ToListAsync());
        var activity = Assert.Single(activities);
        Assert.Equal(ActivityKind.CitizenOutcome, activity.Kind);
        Assert.Equal(1, await site.WithDbAsync(db => db.Set<ReceivedOutcome>().CountAsync(o => o.OriginId == originId)));

        // A later decision on the same origin goes to the same task.
        await PublishAsync(Outcome(originId, "implemented"));
        Assert.Equal(2, await site.WithDbAsync(db => db.Set<TaskActivity>().CountAsync(a => a.TaskId == task.Id)));
    }

    [Fact]
    public async Task A_linked_outcome_attaches_to_the_existing_task()
    {
        var taskId = await CreateTaskAsync("부평역 환승센터 건립");
        var originId = Guid.NewGuid().ToString("N");

        await PublishAsync(Outcome(originId, "adopted", taskId));

        var page = await SendAsync(new GetTaskPage(taskId, IncludeInternal: false));
        Assert.NotNull(page);
        var activity = Assert.Single(page.Activities);
        Assert.Equal(ActivityKind.CitizenOutcome, activity.Kind);
        Assert.Equal($"/petitions/{originId}", activity.OutcomeLink);
        Assert.Contains(page.Origins, o => o.OriginId == originId && o.Link == $"/petitions/{originId}");
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<PolicyTask>().CountAsync(t => t.Kind == PolicyTaskKind.CitizenBorn && t.Origins.Any(o => o.OriginId == originId))));
    }

    [Fact]
    public async Task An_outcome_kept_for_staff_waits_in_the_inbox_until_linked()
    {
        var taskId = await CreateTaskAsync("공영주차장 확충");
        var originId = Guid.NewGuid().ToString("N");
        await PublishAsync(Outcome(originId, "adopted") with { CreateTaskIfUnlinked = false });

        var waiting = (await SendAsync(new ListOutcomes(originId, OutcomeState.Waiting))).Rows;
        var row = Assert.Single(waiting, o => o.OriginId == originId);

        Assert.Equal(taskId, await SendAsync(new LinkOutcome(row.Id, taskId)));
        Assert.DoesNotContain((await SendAsync(new ListOutcomes(originId, OutcomeState.Waiting))).Rows, o => o.OriginId == originId);
        await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(new LinkOutcome(row.Id, taskId)));
    }

    [Fact]
    public async Task A_parents_progress_is_the_weighted_mean_of_its_children()
    {
        var parent = await CreateTaskAsync("원도심 재생 종합계획");
        var a = await CreateTaskAsync("동인천 역세권 정비", parentId: parent, weight: 3, progress: 40);
        var b = await CreateTaskAsync("배다리 마을 보존", parentId: parent, weight: 1, progress: 80);

        Assert.Equal(50, await ProgressOf(parent)); // (3*40 + 1*80) / 4

        await SendAsync(new AddActivity { TaskId = b, Kind = ActivityKind.ProgressUpdate, OccurredOn = new DateOnly(2026, 5, 1), Text = "준공", ProgressAfter = 100, Actor = Actors.Administrator });
        Assert.Equal(55, await ProgressOf(parent));

        var edit = new SaveTask { Id = a, Title = "동인천 역세권 정비", Kind = PolicyTaskKind.KeyPolicy, RegionIds = [(await ReferenceDataAsync()).Region], ParentId = parent, Weight = 1, Progress = 40, Actor = Actors.Administrator };
        await SendAsync(edit);
        Assert.Equal(70, await ProgressOf(parent));

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(new AddActivity { TaskId = parent, Kind = ActivityKind.ProgressUpdate, OccurredOn = new DateOnly(2026, 5, 1), Text = "x", ProgressAfter = 10, Actor = Actors.Administrator }));
        Assert.NotEmpty(refused.Failures);
        Assert.Equal(70, await ProgressOf(parent));
    }

    private Task<int> ProgressOf(int id) => site.WithDbAsync(db => db.Set<PolicyTask>().Where(t => t.Id == id).Select(t => t.Progress).FirstAsync());

    [Fact]
    public async Task Activities_are_append_only_and_a_correction_points_at_the_old_entry()
    {
        var taskId = await CreateTaskAsync("인천형 공공배달앱 고도화");
        var first = await SendAsync(new AddActivity { TaskId = taskId, Kind = ActivityKind.Report, OccurredOn = new DateOnly(2026, 1, 5), Text = "1분기 보고", Actor = Actors.Administrator });
        var correction = await SendAsync(new AddActivity { TaskId = taskId, Kind = ActivityKind.Report, OccurredOn = new DateOnly(2026, 1, 5), Text = "1분기 보고(정정)", Corrects = first, Actor = Actors.Administrator });

        Assert.Equal(first, await site.WithDbAsync(db => db.Set<TaskActivity>().Where(a => a.Id == correction).Select(a => a.CorrectsId).FirstAsync()));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => site.WithDbAsync(async db =>
        {
            var activity = await db.Set<TaskActivity>().FirstAsync(a => a.Id == first);
            db.Entry(activity).Property(a => a.Text).CurrentValue = "고침";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", error.Message);
        Assert.Equal("1분기 보고", await site.WithDbAsync(db => db.Set<TaskActivity>().Where(a => a.Id == first).Select(a => a.Text).FirstAsync()));
    }

    [Fact]
    public async Task A_progress_update_with_a_pdf_is_saved_and_downloadable()
    {
        var taskId = await CreateTaskAsync("굴포천 생태하천 복원");
        var pdf = SimplePdf.Create("Progress report", "Stage 2 finished.");
        await SendAsync(new AddActivity { TaskId = taskId, Kind = ActivityKind.ProgressUpdate, OccurredOn = new DateOnly(2026, 6, 1), Text = "2단계 공사 완료", ProgressAfter = 65, Files = [new UploadedFile("2단계 보고서.pdf", pdf)], Actor = Actors.Administrator });

        var client = site.CreateClient();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/mayors-office/tasks/{taskId}"));
        Assert.Contains("value=\"65\"", html);
        var documentId = await site.WithDbAsync(db => db.Set<TaskDocument>().Where(d => d.Activity!.TaskId == taskId).Select(d => d.Id).FirstAsync());
        Assert.Contains($"/registry/documents/{documentId}/", html);

        var response = await client.GetAsync($"/registry/documents/{documentId}/x");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("2단계 보고서.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("report.pdf", "PK\u0003\u0004 not really a pdf", "does not match")]
    [InlineData("photo.png", "%PDF-1.4 a pdf named png", "does not match")]
    [InlineData("script.exe", "MZ", "not an accepted type")]
    [InlineData("notes.hwp", "plain text pretending", "does not match")]
    public async Task A_document_with_a_forged_type_is_refused_and_nothing_is_saved(string fileName, string content, string expected)
    {
        var taskId = await CreateTaskAsync("문서 검사 " + fileName);
        var before = await CountsAsync(taskId);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(new AddActivity
        {
            Actor = Actors.Administrator,
            TaskId = taskId, Kind = ActivityKind.ProgressUpdate, OccurredOn = new DateOnly(2026, 6, 1), Text = "보고", ProgressAfter = 90,
            Files = [new UploadedFile("ok.pdf", SimplePdf.Create("ok", "ok")), new UploadedFile(fileName, Encoding.ASCII.GetBytes(content))],
        }));

        Assert.Contains(refused.Failures, f => f.Field == "Files" && f.Message.Contains(fileName) && f.Message.Contains(expected));
        Assert.Equal(before, await CountsAsync(taskId));
        Assert.Equal(0, await ProgressOf(taskId));
    }

    [Fact]
    public async Task An_oversized_document_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var taskId = await CreateTaskAsync("대용량 문서 검사");
        var before = await CountsAsync(taskId);
        var big = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(big);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(new AddActivity
        {
            Actor = Actors.Administrator,
            TaskId = taskId, Kind = ActivityKind.Report, OccurredOn = new DateOnly(2026, 6, 1), Text = "보고", Files = [new UploadedFile("big.pdf", big)],
        }));

        Assert.Contains(refused.Failures, f => f.Message.Contains("big.pdf") && f.Message.Contains("20"));
        Assert.Equal(before, await CountsAsync(taskId));
    }

    private Task<(int Activities, int Documents, int Contents)> CountsAsync(int taskId) => site.WithDbAsync(async db => (
        await db.Set<TaskActivity>().CountAsync(a => a.TaskId == taskId),
        await db.Set<TaskDocument>().CountAsync(),
        await db.Set<DocumentContent>().CountAsync()));

    [Fact]
    public async Task Public_pages_map_data_and_feeds_render_and_hide_internal_tasks()
    {
        var publicTask = await CreateTaskAsync("부평 지하상가 환경개선");
        var internalTask = await CreateTaskAsync("내부 검토 과제 비공개", isPublic: false);
        await SendAsync(new AddActivity { TaskId = publicTask, Kind = ActivityKind.Meeting, OccurredOn = new DateOnly(2026, 2, 2), Text = "상인회 간담회", Actor = Actors.Administrator });
        await SendAsync(new AddActivity { TaskId = publicTask, Kind = ActivityKind.Meeting, OccurredOn = new DateOnly(2026, 2, 3), Text = "내부 메모 비공개", IsPublic = false, Actor = Actors.Administrator });
        await SendAsync(new AddActivity { TaskId = internalTask, Kind = ActivityKind.Report, OccurredOn = new DateOnly(2026, 2, 2), Text = "비공개 보고", Actor = Actors.Administrator });
        var client = site.CreateClient();

        var dashboard = await client.GetAsync("/mayors-office?region=bupyeong");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = WebUtility.HtmlDecode(await dashboard.Content.ReadAsStringAsync());
        Assert.Contains("부평 지하상가 환경개선", html);
        Assert.DoesNotContain("내부 검토 과제 비공개", html);
        Assert.Contains("id=\"map-district-bupyeong\"", html);
        Assert.Contains("aria-label=", html);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/mayors-office/map-data"));
        var bupyeong = json.RootElement.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "bupyeong");
        var regionId = (await ReferenceDataAsync()).Region;
        var publicCount = await site.WithDbAsync(db => db.Set<PolicyTask>().CountAsync(t => t.IsPublic && t.Regions.Any(r => r.RegionId == regionId)));
        Assert.Equal(publicCount, bupyeong.GetProperty("count").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("markers").EnumerateArray(), m => m.GetProperty("id").GetInt32() == publicTask);
        Assert.DoesNotContain(json.RootElement.GetProperty("markers").EnumerateArray(), m => m.GetProperty("id").GetInt32() == internalTask);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/mayors-office/tasks/{publicTask}"));
        Assert.Contains("상인회 간담회", page);
        Assert.DoesNotContain("내부 메모 비공개", page);
        Assert.Contains("<progress", page);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/mayors-office/tasks/{internalTask}")).StatusCode);

        var feed = await client.GetAsync("/mayors-office/feed.atom");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
        var atom = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2005/Atom";
        var titles = atom.Root!.Elements(ns + "entry").Select(e => e.Element(ns + "title")!.Value).ToList();
        Assert.Contains(titles, t => t.Contains("부평 지하상가 환경개선"));
        Assert.DoesNotContain(titles, t => t.Contains("내부 검토 과제 비공개"));
        Assert.DoesNotContain("내부 메모 비공개", atom.ToString());
        var taskFeed = XDocument.Parse(await client.GetStringAsync($"/mayors-office/tasks/{publicTask}/feed.atom"));
        Assert.Single(taskFeed.Root!.Elements(ns + "entry"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/mayors-office/tasks/{internalTask}/feed.atom")).StatusCode);
    }

    [Fact]
    public async Task Documents_of_internal_tasks_are_not_served_to_visitors()
    {
        var internalTask = await CreateTaskAsync("비공개 문서 과제", isPublic: false);
        await SendAsync(new AddActivity { TaskId = internalTask, Kind = ActivityKind.Report, OccurredOn = new DateOnly(2026, 2, 2), Text = "보고", Files = [new UploadedFile("secret.pdf", SimplePdf.Create("s", "s"))], Actor = Actors.Administrator });
        var documentId = await site.WithDbAsync(db => db.Set<TaskDocument>().Where(d => d.Activity!.TaskId == internalTask).Select(d => d.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync($"/registry/documents/{documentId}/secret.pdf")).StatusCode);
    }

    [Fact]
    public async Task Csv_export_round_trips_and_a_bad_import_changes_nothing()
    {
        await CreateTaskAsync("CSV 왕복 과제");
        using var exported = new MemoryStream();
        await SendAsync(new ExportTasks(exported));
        var csv = exported.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.Contains("CSV 왕복 과제", text);

        var before = await site.WithDbAsync(db => db.Set<PolicyTask>().CountAsync());
        var bad = "\uFEFF" + string.Join(',', TaskCsvFormat.Columns) + "\r\n" +
                  ",새 과제 1,,pledge,transport,bupyeong,,,transport,,2026-01-01,2026-12-31,planned,10,,1,true\r\n" +
                  ",새 과제 2,,nonsense,transport,atlantis,,,transport,,2026-13-01,,planned,10,,1,true\r\n";
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => SendAsync(new ImportTasks(Encoding.UTF8.GetBytes(bad))));
        Assert.All(refused.Failures, f => Assert.Contains("3", f.Message));
        Assert.True(refused.Failures.Count >= 3);
        Assert.Equal(before, await site.WithDbAsync(db => db.Set<PolicyTask>().CountAsync()));

        var good = string.Join(',', TaskCsvFormat.Columns) + "\r\n" + ",\"새 과제, 쉼표\",,pledge,transport,bupyeong;incheon,,,transport,,,,in-progress,10,,1,true\r\n";
        Assert.Equal(1, await SendAsync(new ImportTasks(Encoding.UTF8.GetBytes(good))));
        Assert.Equal(before + 1, await site.WithDbAsync(db => db.Set<PolicyTask>().CountAsync()));
    }
}
