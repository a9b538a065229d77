using System.Net;
using System.Text;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Modules.Registry.Features;
using CitizenParticipation.Tests.Integration.Documents;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Tests.Integration.Registry;

/// <summary>Uploads through the real forms: files that would unpack or read into far more memory than they are are refused in Korean.</summary>
public sealed class UploadLimitTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    [Fact]
    public async Task A_timeline_document_that_is_a_zip_bomb_is_refused_in_korean_and_nothing_is_stored()
    {
        var taskId = await site.WithDbAsync(db => db.Set<PolicyTask>().Where(t => t.Title == "청라 도시철도 연장 검토").Select(t => t.Id).SingleAsync());
        var before = await CountsAsync(taskId);
        var client = await site.LoggedInClientAsync(DemoAccounts.TransportOfficer, DemoAccounts.Password);
        var token = await client.GetAntiforgeryTokenAsync($"/admin/registry/tasks/{taskId}");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Report"), "Kind" },
            { new StringContent("2026-02-01"), "OccurredOn" },
            { new StringContent("타당성 조사 보고서"), "Text" },
            { new StringContent("true"), "IsPublic" },
            { new ByteArrayContent(TestZips.MimetypeBomb()), "files", "조사보고서.docx" },
        };

        var response = await client.PostAsync($"/admin/registry/tasks/{taskId}/activities", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("조사보고서.docx 파일은 100:1이 넘게 압축되어 있습니다.", html);
        Assert.Contains("id=\"activity-form\"", html);
        Assert.Equal(before, await CountsAsync(taskId));
    }

    [Fact]
    public async Task A_task_csv_over_the_import_limit_is_refused_before_it_is_read_and_nothing_is_imported()
    {
        const string title = "한도를 넘는 가져오기 파일의 과제";
        var csv = new StringBuilder(string.Join(',', TaskCsvFormat.Columns)).Append("\r\n")
            .Append($",{title},,key-policy,,incheon,,,,,,,planned,0,,,true")
            .Append(' ', 10 * 1024 * 1024).Append("\r\n"); // fields are trimmed: the file is valid, only too large
        var admin = await site.LoggedInClientAsync(DemoAccounts.Administrator, DemoAccounts.Password);
        var token = await admin.GetAntiforgeryTokenAsync("/admin/registry/transfer");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "tasks.csv" },
        };

        var response = await admin.PostAsync("/admin/registry/transfer", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("파일이 제한 용량 10MB를 넘습니다.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await site.WithDbAsync(db => db.Set<PolicyTask>().AnyAsync(t => t.Title == title)));
    }

    private Task<(int Activities, int Documents, int Contents)> CountsAsync(int taskId) => site.WithDbAsync(async db => (
        await db.Set<TaskActivity>().CountAsync(a => a.TaskId == taskId),
        await db.Set<TaskDocument>().CountAsync(),
        await db.Set<DocumentContent>().CountAsync()));
}
