using System.Net;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Modules.Registry.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Registry;

/// <summary>Timeline entries and staff comments carry the officer's display name, never their email address.</summary>
public sealed class AuthorNameTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        T result = default!;
        await site.WithScopeAsync(async services => result = await services.GetRequiredService<IMediator>().Send(request));
        return result;
    }

    [Fact]
    public async Task An_officers_timeline_entry_and_comment_show_their_display_name_and_not_their_email()
    {
        var (field, department, region) = await site.WithDbAsync(async db =>
        {
            var f = new PolicyField { Code = "parks-names", NameKo = "공원", NameEn = "Parks" };
            var d = new Department { Code = "parks-names", NameKo = "공원녹지과", NameEn = "Parks Division" };
            var r = new Region { Code = "yeonsu-names", NameKo = "연수구", NameEn = "Yeonsu-gu", Kind = RegionKind.District };
            db.AddRange(f, d, r);
            await db.SaveChangesAsync();
            return (f.Id, d.Id, r.Id);
        });
        var taskId = await SendAsync(new SaveTask
        {
            Actor = Actors.Administrator,
            Title = "근린공원 화장실 확충", Kind = PolicyTaskKind.KeyPolicy, PolicyFieldId = field, DepartmentId = department, RegionIds = [region], IsPublic = true,
        });
        var email = await site.CreateNamedUserAsync("박담당", StandardRoles.DepartmentOfficer);
        Assert.True(await SendAsync(new AssignOfficer { Email = email, DepartmentId = department }));
        var officer = await site.LoggedInClientAsync(email, TestAccounts.Password);

        var token = await officer.GetAntiforgeryTokenAsync($"/admin/registry/tasks/{taskId}");
        var entry = await officer.PostAsync($"/admin/registry/tasks/{taskId}/activities", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("ProgressUpdate"), "Kind" },
            { new StringContent("2026-02-01"), "OccurredOn" },
            { new StringContent("설계 용역을 발주했습니다."), "Text" },
            { new StringContent("20"), "ProgressAfter" },
            { new StringContent("true"), "IsPublic" },
        });
        Assert.Equal(HttpStatusCode.Redirect, entry.StatusCode);
        var comment = await officer.PostFormAsync($"/admin/registry/tasks/{taskId}", $"/admin/registry/tasks/{taskId}/comments",
            new Dictionary<string, string> { ["Text"] = "예산 부서와 협의 중입니다." });
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);

        Assert.Equal("박담당", await site.WithDbAsync(db => db.Set<TaskActivity>().Where(a => a.TaskId == taskId).Select(a => a.AuthorName).SingleAsync()));
        var publicPage = await site.CreateBrowserClient().GetHtmlAsync($"/mayors-office/tasks/{taskId}");
        Assert.Contains("설계 용역을 발주했습니다.", publicPage);
        Assert.Contains("박담당", publicPage);
        Assert.DoesNotContain(email, publicPage);
        var adminPage = await officer.GetHtmlAsync($"/admin/registry/tasks/{taskId}");
        Assert.Contains("박담당: 예산 부서와 협의 중입니다.", adminPage);
        Assert.DoesNotContain(email, adminPage);
    }
}
