using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Petitions;

/// <summary>People with a chosen email domain, region and name, signing from a chosen address, as the abuse and retention tests need.</summary>
internal static partial class Signers
{
    public static async Task<(string Email, Guid Id)> CreatePersonAsync(this SiteFactory site, string domain, int? regionId = null, string displayName = "홍길동", params string[] roles)
    {
        var email = $"user-{Guid.NewGuid():N}@{domain}";
        var id = Guid.NewGuid();
        await site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = new User
            {
                Id = id, UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, RegionId = regionId,
                ConfirmedAge14OrOver = true, CreatedAt = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(user, TestAccounts.Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            if (roles.Length > 0)
            {
                Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
            }
        });
        return (email, id);
    }

    /// <summary>A new citizen logs in from <paramref name="ip"/> and signs through the petition page's form.</summary>
    public static async Task SignAsNewCitizenAsync(this ClockedSiteFactory site, int petitionId, string ip, string domain, int? regionId = null, string? comment = null)
    {
        var (email, _) = await site.CreatePersonAsync(domain, regionId, "김시민", StandardRoles.Citizen);
        var client = site.CreateBrowserClient(ip);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(email, TestAccounts.Password)).StatusCode);
        var response = await client.PostSignAsync(petitionId, await client.TokenAsync($"/petitions/{petitionId}"), comment);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<int> RegionAsync(this SiteFactory site, string code) =>
        await site.WithDbAsync(async db =>
        {
            var existing = await db.Regions.Where(r => r.Code == code).Select(r => (int?)r.Id).FirstOrDefaultAsync();
            if (existing is { } id)
            {
                return id;
            }

            var region = new Region { Code = code, NameKo = code + "구", NameEn = code + "-gu", Kind = RegionKind.District };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            return region.Id;
        });

    public static async Task<List<PetitionSignature>> SignatureRowsAsync(this SiteFactory site, int petitionId) =>
        await site.WithDbAsync(db => db.Set<PetitionSignature>().AsNoTracking().Where(s => s.PetitionId == petitionId).OrderBy(s => s.Id).ToListAsync());

    public static async Task<Petition> PetitionAsync(this SiteFactory site, int petitionId) =>
        await site.WithDbAsync(db => db.Set<Petition>().AsNoTracking().SingleAsync(p => p.Id == petitionId));

    /// <summary>403 itself, or the cookie handler's redirect to the access-denied page that answers 403.</summary>
    public static async Task<bool> IsForbiddenAsync(this HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return true;
        }

        var location = response.Headers.Location?.OriginalString;
        return response.StatusCode == HttpStatusCode.Redirect && location is not null && location.Contains("/error/403", StringComparison.OrdinalIgnoreCase)
               && (await client.GetAsync(location)).StatusCode == HttpStatusCode.Forbidden;
    }

    [GeneratedRegex("<tr><td>([^<]*)</td><td>(\\d+)</td></tr>")]
    private static partial Regex TwoCellRow();

    /// <summary>The (key, count) rows of the table with the given id on a page.</summary>
    public static Dictionary<string, int> TableRows(string html, string tableId)
    {
        var start = html.IndexOf($"id=\"{tableId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table {tableId} on the page.");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return TwoCellRow().Matches(table).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }
}

/// <summary>Closed petitions are anonymised once the retention period is over; what they counted stays.</summary>
public sealed partial class PetitionRetentionTests(ClockedSiteFactory site) : IClassFixture<ClockedSiteFactory>
{
    [GeneratedRegex("id=\"signature-count\">([^<]+)<")]
    private static partial Regex SignatureCount();

    private static (int Signatures, string ByRegion, string ByDay) OpenData(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (root.GetProperty("signatures").GetInt32(), root.GetProperty("byRegion").GetRawText(), root.GetProperty("byDay").GetRawText());
    }

    [Fact]
    public async Task Closed_petitions_past_the_retention_period_lose_who_signed_and_keep_every_count()
    {
        var t0 = site.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(1);
        site.Clock.SetUtcNow(t0);
        await site.SetPetitionSettingsAsync(s => s with { SigningDays = 30, RetentionDays = 180, PreModeration = true, PriorAgreements = 0, SignPerIpPerMinute = 10000 });
        var north = await site.RegionAsync("north");
        var south = await site.RegionAsync("south");

        // Closes on day 30: past the retention period on day 211.
        var old = await site.OpenPetitionAsync("오래된 청원");
        await site.SignAsNewCitizenAsync(old, "203.0.113.1", "one.example", north, "첫째 동의자의 의견");
        await site.SignAsNewCitizenAsync(old, "203.0.113.2", "two.example", north, "둘째 동의자의 의견");
        site.Clock.SetUtcNow(t0.AddDays(1).AddHours(3));
        await site.SignAsNewCitizenAsync(old, "203.0.113.3", "one.example", south);

        // Closes on day 130: within the period on day 211.
        site.Clock.SetUtcNow(t0.AddDays(100));
        var recent = await site.OpenPetitionAsync("최근 마감 청원");
        await site.SignAsNewCitizenAsync(recent, "198.51.100.1", "one.example", north, "최근 청원 의견");
        await site.SignAsNewCitizenAsync(recent, "198.51.100.2", "two.example", south);

        // Still open on day 211.
        site.Clock.SetUtcNow(t0.AddDays(200));
        var open = await site.OpenPetitionAsync("진행 중 청원");
        await site.SignAsNewCitizenAsync(open, "192.0.2.1", "one.example", south, "진행 중 의견");

        var now = t0.AddDays(211);
        site.Clock.SetUtcNow(now);
        var before = new Dictionary<int, List<PetitionSignature>>
        {
            [old] = await site.SignatureRowsAsync(old), [recent] = await site.SignatureRowsAsync(recent), [open] = await site.SignatureRowsAsync(open),
        };
        Assert.Equal(3, before[old].Count);
        Assert.All(before.Values.SelectMany(rows => rows), s =>
        {
            Assert.NotNull(s.UserId);
            Assert.NotNull(s.IpAddress);
            Assert.NotNull(s.EmailDomain);
            Assert.Equal("김시민", s.SignerName);
        });
        var anonymous = site.CreateBrowserClient();
        var pageBefore = await anonymous.GetHtmlAsync($"/petitions/{old}");
        Assert.Contains("첫째 동의자의 의견", pageBefore);
        var dataBefore = OpenData(await anonymous.GetStringAsync($"/api/petitions/{old}"));
        Assert.Equal(3, dataBefore.Signatures);

        var result = await site.WithServicesAsync(services => services.GetRequiredService<IMediator>().Send(new RunPetitionMaintenance()));

        Assert.Equal((Closed: 2, Anonymised: 1), result);
        var anonymised = await site.PetitionAsync(old);
        Assert.Equal(PetitionStatus.Closed, anonymised.Status);
        Assert.Equal(now, anonymised.AnonymisedAt);
        Assert.Equal(3, anonymised.SignatureCount);
        var rows = await site.SignatureRowsAsync(old);
        Assert.Equal(before[old].Select(s => (s.Id, s.RegionId, s.CreatedAt, s.Kind, s.InvalidationId)), rows.Select(s => (s.Id, s.RegionId, s.CreatedAt, s.Kind, s.InvalidationId)));
        Assert.Equal([north, north, south], rows.Select(s => s.RegionId!.Value));
        Assert.All(rows, s =>
        {
            Assert.Null(s.UserId);
            Assert.Equal("", s.SignerName);
            Assert.Null(s.IpAddress);
            Assert.Null(s.EmailDomain);
            Assert.Null(s.Comment);
        });

        foreach (var untouched in new[] { recent, open })
        {
            Assert.Null((await site.PetitionAsync(untouched)).AnonymisedAt);
            Assert.Equivalent(before[untouched], await site.SignatureRowsAsync(untouched), strict: true);
        }

        Assert.Equal(PetitionStatus.Closed, (await site.PetitionAsync(recent)).Status);
        Assert.Equal(PetitionStatus.Open, (await site.PetitionAsync(open)).Status);

        var pageAfter = await anonymous.GetHtmlAsync($"/petitions/{old}");
        Assert.Equal(SignatureCount().Match(pageBefore).Groups[1].Value, SignatureCount().Match(pageAfter).Groups[1].Value);
        Assert.Equal("3", SignatureCount().Match(pageAfter).Groups[1].Value);
        Assert.DoesNotContain("첫째 동의자의 의견", pageAfter);
        Assert.Equal(dataBefore, OpenData(await anonymous.GetStringAsync($"/api/petitions/{old}")));
        Assert.Contains("최근 청원 의견", await anonymous.GetHtmlAsync($"/petitions/{recent}"));

        // Nothing is left to do on the next run.
        Assert.Equal((0, 0), await site.WithServicesAsync(services => services.GetRequiredService<IMediator>().Send(new RunPetitionMaintenance())));
    }
}

/// <summary>Staff see who signs how fast and from where, and invalidate a campaign's signatures with a logged reason.</summary>
public sealed class SignatureAbuseTests(ClockedSiteFactory site) : IClassFixture<ClockedSiteFactory>
{
    private async Task<HttpClient> StaffAsync(string name = "박감사") => (await StaffWithIdAsync(name)).Client;

    private async Task<(HttpClient Client, Guid Id)> StaffWithIdAsync(string name)
    {
        var (email, id) = await site.CreatePersonAsync("city.example", null, name, StandardRoles.Staff);
        return (await site.LoggedInClientAsync(email, TestAccounts.Password), id);
    }

    private async Task<HttpClient> PersonAsync(string role)
    {
        var (email, _) = await site.CreatePersonAsync("test.example", null, "홍길동", role);
        return await site.LoggedInClientAsync(email, TestAccounts.Password);
    }

    private async Task PrepareAsync() =>
        await site.SetPetitionSettingsAsync(s => s with { SigningDays = 30, PreModeration = true, PriorAgreements = 0, SignPerIpPerMinute = 10000, AnswerThreshold = 1000, AgendaThreshold = 2000 });

    [Fact]
    public async Task The_report_counts_signatures_per_hour_and_names_the_busiest_addresses_and_domains()
    {
        // The site's clock is ten days ahead of the machine's: the report's "last seven days" follow the site's clock.
        var now = site.Clock.GetUtcNow().UtcDateTime;
        var h0 = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddDays(10);
        site.Clock.SetUtcNow(h0.AddDays(-8));
        await PrepareAsync();
        var id = await site.OpenPetitionAsync("조직 동원 의심 청원");
        await site.SignAsNewCitizenAsync(id, "192.0.2.99", "old.example");

        site.Clock.SetUtcNow(h0.AddMinutes(5));
        for (var i = 0; i < 3; i++)
        {
            await site.SignAsNewCitizenAsync(id, "203.0.113.5", "spam.example");
        }

        for (var i = 0; i < 2; i++)
        {
            await site.SignAsNewCitizenAsync(id, "198.51.100.7", "mail.example");
        }

        site.Clock.SetUtcNow(h0.AddHours(1).AddMinutes(5));
        await site.SignAsNewCitizenAsync(id, "203.0.113.9", "spam.example");
        await site.SignAsNewCitizenAsync(id, "203.0.113.9", "spam.example");
        await site.SignAsNewCitizenAsync(id, "192.0.2.1", "other.example");

        var staff = await StaffAsync();
        var response = await staff.GetAsync($"/admin/petitions/{id}/signatures");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        static string Hour(DateTime hour) => hour.ToString("yyyy-MM-dd HH:00", CultureInfo.InvariantCulture);
        Assert.Equal(new Dictionary<string, int> { [Hour(h0)] = 5, [Hour(h0.AddHours(1))] = 3 }, Signers.TableRows(html, "per-hour"));
        Assert.Equal(new Dictionary<string, int> { ["203.0.113.5"] = 3, ["198.51.100.7"] = 2, ["203.0.113.9"] = 2, ["192.0.2.1"] = 1, ["192.0.2.99"] = 1 }, Signers.TableRows(html, "top-ips"));
        Assert.Equal(new Dictionary<string, int> { ["spam.example"] = 5, ["mail.example"] = 2, ["other.example"] = 1, ["old.example"] = 1 }, Signers.TableRows(html, "top-domains"));
        Assert.Equal(["203.0.113.5"], Signers.TableRows(html, "top-ips").Keys.Take(1));
        Assert.Equal(["spam.example"], Signers.TableRows(html, "top-domains").Keys.Take(1));
        Assert.Contains($"/admin/petitions/{id}/signatures", await staff.GetStringAsync($"/admin/petitions/{id}"));

        var citizen = await PersonAsync(StandardRoles.Citizen);
        Assert.True(await citizen.IsForbiddenAsync(await citizen.GetAsync($"/admin/petitions/{id}/signatures")), "A citizen saw the signature report.");
        var officer = await PersonAsync(StandardRoles.DepartmentOfficer);
        Assert.True(await officer.IsForbiddenAsync(await officer.GetAsync($"/admin/petitions/{id}/signatures")), "An officer without the permission saw the signature report.");
    }

    [Fact]
    public async Task Staff_invalidate_by_address_range_by_domain_and_by_time_window_and_the_count_follows()
    {
        var h0 = site.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(9);
        site.Clock.SetUtcNow(h0);
        await PrepareAsync();
        var id = await site.OpenPetitionAsync("무효 처리 대상 청원");
        await site.SignAsNewCitizenAsync(id, "203.0.113.5", "a.example");
        await site.SignAsNewCitizenAsync(id, "203.0.113.6", "a.example");
        // Kestrel on a dual-stack socket reports IPv4 clients as IPv4-mapped IPv6 addresses.
        await site.SignAsNewCitizenAsync(id, "::ffff:203.0.113.7", "a.example");
        await site.SignAsNewCitizenAsync(id, "203.0.114.1", "a.example");
        await site.SignAsNewCitizenAsync(id, "198.51.100.7", "spam.example");
        await site.SignAsNewCitizenAsync(id, "198.51.100.8", "spam.example");
        site.Clock.SetUtcNow(h0.AddHours(2));
        await site.SignAsNewCitizenAsync(id, "192.0.2.10", "b.example");
        await site.SignAsNewCitizenAsync(id, "192.0.2.10", "b.example");
        site.Clock.SetUtcNow(h0.AddHours(5));
        await site.SignAsNewCitizenAsync(id, "192.0.2.11", "c.example");
        Assert.Equal((9, 9), await site.CountsAsync(id));

        var (staff, staffId) = await StaffWithIdAsync("박감사");
        var formUrl = $"/admin/petitions/{id}/signatures";
        var postUrl = $"/admin/petitions/{id}/signatures/invalidate";

        async Task<HashSet<string>> InvalidatedAsync() =>
            (await site.SignatureRowsAsync(id)).Where(s => s.InvalidationId != null).Select(s => s.IpAddress + " " + s.EmailDomain + " " + s.CreatedAt.ToString("HH", CultureInfo.InvariantCulture)).ToHashSet();

        var byRange = await staff.PostFormAsync(formUrl, postUrl, new Dictionary<string, string> { ["IpRange"] = "203.0.113.0/24", ["Reason"] = "같은 대역에서 대량 동의" });
        Assert.Equal(HttpStatusCode.Redirect, byRange.StatusCode);
        Assert.Equal((6, 6), await site.CountsAsync(id));
        var h = h0.ToString("HH", CultureInfo.InvariantCulture);
        Assert.Equal(new HashSet<string> { $"203.0.113.5 a.example {h}", $"203.0.113.6 a.example {h}", $"::ffff:203.0.113.7 a.example {h}" }, await InvalidatedAsync());
        var page = await staff.GetHtmlAsync(formUrl);
        Assert.Contains("동의 3건을 무효 처리", page);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(formUrl, postUrl, new Dictionary<string, string> { ["EmailDomain"] = "@Spam.Example", ["Reason"] = "일회용 메일 도메인" })).StatusCode);
        Assert.Equal((4, 4), await site.CountsAsync(id));

        var window = new Dictionary<string, string>
        {
            ["From"] = h0.AddHours(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Until"] = h0.AddHours(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["Reason"] = "두 시간 동안 몰린 동의",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(formUrl, postUrl, window)).StatusCode);
        Assert.Equal((2, 2), await site.CountsAsync(id));
        var valid = (await site.SignatureRowsAsync(id)).Where(s => s.InvalidationId == null).Select(s => s.IpAddress).Order().ToList();
        Assert.Equal(["192.0.2.11", "203.0.114.1"], valid);

        var log = await site.WithDbAsync(db => db.Set<SignatureInvalidation>().AsNoTracking().Where(i => i.PetitionId == id).OrderBy(i => i.Id).ToListAsync());
        Assert.Equal(3, log.Count);
        Assert.All(log, i =>
        {
            Assert.Equal(staffId, i.StaffId);
            Assert.Equal("박감사", i.StaffName);
        });
        Assert.Equal(["같은 대역에서 대량 동의", "일회용 메일 도메인", "두 시간 동안 몰린 동의"], log.Select(i => i.Reason));
        Assert.Equal([3, 2, 2], log.Select(i => i.AgreeCount));
        Assert.Contains("ip=203.0.113.0/24", log[0].Criteria);
        Assert.Contains("domain=spam.example", log[1].Criteria);
        Assert.Contains("from=", log[2].Criteria);
        Assert.Contains("until=", log[2].Criteria);
        foreach (var i in log)
        {
            Assert.Equal(i.AgreeCount, (await site.SignatureRowsAsync(id)).Count(s => s.InvalidationId == i.Id));
        }

        var shown = await staff.GetHtmlAsync(formUrl);
        var logTable = shown[shown.IndexOf("id=\"invalidations\"", StringComparison.Ordinal)..];
        Assert.Contains("박감사", logTable);
        Assert.Contains("같은 대역에서 대량 동의", logTable);
        Assert.Contains("ip=203.0.113.0/24", logTable);
        Assert.Contains("domain=spam.example", logTable);

        // Counted from the rows that stay valid, on the public page and in the open data too.
        Assert.Contains("id=\"signature-count\">2<", await site.CreateBrowserClient().GetStringAsync($"/petitions/{id}"));
        Assert.Contains("\"signatures\":2", await site.CreateBrowserClient().GetStringAsync($"/api/petitions/{id}"));
    }

    [Theory]
    [InlineData("IpRange", "203.0.113.300/24", "사유가 충분히 깁니다", "IP 주소 또는 203.0.113.0/24와 같은 범위를 입력하십시오.")]
    [InlineData("IpRange", "이상한 값", "사유가 충분히 깁니다", "IP 주소 또는 203.0.113.0/24와 같은 범위를 입력하십시오.")]
    [InlineData("EmailDomain", "", "사유가 충분히 깁니다", "IP 범위, 이메일 도메인, 기간 중 하나 이상의 조건을 입력하십시오.")]
    [InlineData("EmailDomain", "a.example", "", "사유을(를) 입력하십시오.")]
    public async Task Bad_input_is_refused_with_a_message_and_changes_nothing(string field, string value, string reason, string message)
    {
        await PrepareAsync();
        var id = await site.OpenPetitionAsync("잘못된 입력 청원");
        await site.SignAsNewCitizenAsync(id, "203.0.113.5", "a.example");
        await site.SignAsNewCitizenAsync(id, "203.0.113.6", "a.example");
        var staff = await StaffAsync();

        var response = await staff.PostFormAsync($"/admin/petitions/{id}/signatures", $"/admin/petitions/{id}/signatures/invalidate",
            new Dictionary<string, string> { [field] = value, ["Reason"] = reason });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Contains("id=\"invalidate-form\"", html);
        Assert.Equal((2, 2), await site.CountsAsync(id));
        Assert.All(await site.SignatureRowsAsync(id), s => Assert.Null(s.InvalidationId));
        Assert.False(await site.WithDbAsync(db => db.Set<SignatureInvalidation>().AnyAsync(i => i.PetitionId == id)));
    }

    [Fact]
    public async Task People_without_the_permission_cannot_invalidate_signatures()
    {
        await PrepareAsync();
        var id = await site.OpenPetitionAsync("권한 확인 청원");
        await site.SignAsNewCitizenAsync(id, "203.0.113.5", "a.example");

        foreach (var role in new[] { StandardRoles.Citizen, StandardRoles.DepartmentOfficer })
        {
            var client = await PersonAsync(role);
            // A valid token from a page the person may open: only the permission stands in the way.
            var token = await client.TokenAsync("/account/profile");
            var response = await client.PostAsync($"/admin/petitions/{id}/signatures/invalidate", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["IpRange"] = "203.0.113.0/24", ["Reason"] = "권한 없는 무효 처리 시도",
            }));
            Assert.True(await client.IsForbiddenAsync(response), $"{role}: answered {(int)response.StatusCode}");
        }

        Assert.Equal((1, 1), await site.CountsAsync(id));
        Assert.All(await site.SignatureRowsAsync(id), s => Assert.Null(s.InvalidationId));
        Assert.False(await site.WithDbAsync(db => db.Set<SignatureInvalidation>().AnyAsync(i => i.PetitionId == id)));
    }
}

/// <summary>Two instances of the site behind a load balancer, on one database: each person still counts once.</summary>
public sealed class TwoInstanceSigningTests
{
    [Fact]
    public async Task Twenty_people_signing_through_both_instances_at_once_give_twenty_signatures()
    {
        using var first = new SiteFactory();
        await first.SetPetitionSettingsAsync(s => s with { SignPerIpPerMinute = 100000, SignPerAccountPerMinute = 1000, AnswerThreshold = 100000, AgendaThreshold = 200000, PreModeration = true, PriorAgreements = 0 });
        var id = await first.OpenPetitionAsync("두 서버 동시 동의 청원");
        using var second = new SharedDatabaseSiteFactory(first);

        var requests = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 20; i++)
        {
            var email = await first.CreateUserAsync(StandardRoles.Citizen);
            foreach (var host in new SiteFactory[] { first, second })
            {
                var client = await host.LoggedInClientAsync(email, TestAccounts.Password);
                var token = await client.TokenAsync($"/petitions/{id}");
                requests.Add((client, token));
                requests.Add((client, token));
            }
        }

        var responses = await Task.WhenAll(requests.Select(r => Task.Run(() => r.Client.PostSignAsync(id, r.Token))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var rows = await first.WithDbAsync(db => db.Set<PetitionSignature>().Where(s => s.PetitionId == id).ToListAsync());
        Assert.Equal(20, rows.Count);
        Assert.Equal(20, rows.Select(s => s.UserId).Distinct().Count());
        Assert.Equal((20, 20), await first.CountsAsync(id));
        Assert.Equal((20, 20), await second.CountsAsync(id));
    }
}
