using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Petitions;

public static partial class PetitionTestKit
{
    public static Task SetPetitionSettingsAsync(this SiteFactory site, Func<PetitionSettings, PetitionSettings> change) =>
        site.WithScopeAsync(async services =>
        {
            var store = services.GetRequiredService<SiteSettingsService>();
            await store.SaveAsync(change(await store.ReadAsync<PetitionSettings>()));
        });

    public static async Task<int> FirstFieldIdAsync(this SiteFactory site) =>
        await site.WithDbAsync(async db =>
        {
            if (!await db.PolicyFields.AnyAsync())
            {
                db.PolicyFields.Add(new Core.Data.PolicyField { Code = "transport", NameKo = "교통", NameEn = "Transport" });
                await db.SaveChangesAsync();
            }

            return await db.PolicyFields.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        });

    public static async Task<int> FirstRegionIdAsync(this SiteFactory site) =>
        await site.WithDbAsync(async db =>
        {
            if (!await db.Regions.AnyAsync())
            {
                db.Regions.Add(new Core.Data.Region { Code = "incheon", NameKo = "인천광역시 전체", NameEn = "All of Incheon", Kind = Core.Data.RegionKind.City });
                await db.SaveChangesAsync();
            }

            return await db.Regions.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        });

    /// <summary>Writes and submits a petition through the form; returns its id.</summary>
    public static async Task<int> SubmitPetitionAsync(this SiteFactory site, HttpClient author, string title, string body)
    {
        var response = await author.PostFormAsync("/petitions/new", "/petitions/new", new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Body"] = body,
            ["PolicyFieldId"] = (await site.FirstFieldIdAsync()).ToString(),
            ["RegionId"] = (await site.FirstRegionIdAsync()).ToString(),
            ["intent"] = "submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
    }

    /// <summary>A staff member publishes the petition through the admin page.</summary>
    public static async Task PublishAsync(this SiteFactory site, HttpClient staff, int id)
    {
        var response = await staff.PostFormAsync($"/admin/petitions/{id}", $"/admin/petitions/{id}/moderate", new Dictionary<string, string> { ["Publish"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A staff member starts reviewing the petition (takes its moderation lock) through the admin page.</summary>
    public static async Task<HttpResponseMessage> StartReviewAsync(this HttpClient staff, int id) =>
        await staff.PostFormAsync($"/admin/petitions/{id}", $"/admin/petitions/{id}/claim", new Dictionary<string, string>());

    public static async Task<int> OpenPetitionAsync(this SiteFactory site, string title = "마을버스 배차 간격을 줄여 주세요", string? body = null)
    {
        var author = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        var staff = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Staff), TestAccounts.Password);
        var id = await site.SubmitPetitionAsync(author, title + " " + Guid.NewGuid().ToString("N")[..6], body ?? "출퇴근 시간에 마을버스를 30분씩 기다립니다. 배차 간격을 10분으로 줄여 주십시오.");
        await site.PublishAsync(staff, id);
        return id;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> TokenAsync(this HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "No antiforgery token on " + url);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static Task<HttpResponseMessage> PostSignAsync(this HttpClient client, int id, string token, string? comment = null, string kind = "Agree") =>
        client.PostAsync($"/petitions/{id}/sign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["kind"] = kind,
            ["comment"] = comment ?? "",
        }));

    public static async Task<(int Count, int Rows)> CountsAsync(this SiteFactory site, int id) =>
        await site.WithDbAsync(async db => (
            await db.Set<Petition>().Where(p => p.Id == id).Select(p => p.SignatureCount).SingleAsync(),
            await db.Set<PetitionSignature>().CountAsync(s => s.PetitionId == id && s.Kind == SignatureKind.Agree && s.InvalidationId == null)));
}
