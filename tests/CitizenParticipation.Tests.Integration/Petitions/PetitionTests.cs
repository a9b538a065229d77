using System.Net;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using CitizenParticipation.Tests.Integration.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Petitions;

public sealed class PetitionTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Two_hundred_concurrent_sign_requests_from_one_hundred_people_give_one_hundred_signatures()
    {
        await site.SetPetitionSettingsAsync(s => s with { SignPerIpPerMinute = 100000, SignPerAccountPerMinute = 1000, AnswerThreshold = 100000, AgendaThreshold = 200000 });
        var id = await site.OpenPetitionAsync();
        var clients = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 100; i++)
        {
            var client = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
            clients.Add((client, await client.TokenAsync($"/petitions/{id}")));
        }

        var responses = await Task.WhenAll(clients.Concat(clients).Select(c => c.Client.PostSignAsync(id, c.Token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var (count, rows) = await site.CountsAsync(id);
        Assert.Equal(100, rows);
        Assert.Equal(100, count);
    }

    [Fact]
    public async Task The_lifecycle_runs_from_draft_to_answer_with_emails_and_a_registry_outcome()
    {
        await site.SetPetitionSettingsAsync(s => s with { PriorAgreements = 0, PreModeration = true, AnswerThreshold = 2, AgendaThreshold = 3, SignPerIpPerMinute = 10000 });
        var authorEmail = await site.CreateUserAsync(StandardRoles.Citizen);
        var author = await site.LoggedInClientAsync(authorEmail, TestAccounts.Password);

        // Draft, then preview: nothing public yet.
        var fields = new Dictionary<string, string>
        {
            ["Title"] = "송도 자전거도로를 연결해 주세요",
            ["Body"] = "송도 **자전거도로**가 중간에 끊겨 있습니다. 연결해 주십시오.",
            ["PolicyFieldId"] = (await site.FirstFieldIdAsync()).ToString(),
            ["RegionId"] = (await site.FirstRegionIdAsync()).ToString(),
            ["intent"] = "save",
        };
        var saved = await author.PostFormAsync("/petitions/new", "/petitions/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var editUrl = saved.Headers.Location!.OriginalString;
        fields["intent"] = "preview";
        var preview = await author.PostFormAsync(editUrl, editUrl, fields);
        Assert.Contains("<strong>자전거도로</strong>", await preview.Content.ReadAsStringAsync());
        var id = await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Title == "송도 자전거도로를 연결해 주세요").Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateBrowserClient().GetAsync($"/petitions/{id}")).StatusCode);

        fields["intent"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync(editUrl, editUrl, fields)).StatusCode);
        Assert.Equal(PetitionStatus.PendingModeration, await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        // Two moderators: opening the page takes nothing; the first one to start reviewing holds it.
        var staff = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Staff), TestAccounts.Password);
        var otherStaff = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Staff), TestAccounts.Password);
        Assert.Contains("publish-button", await staff.GetStringAsync($"/admin/petitions/{id}"));
        Assert.Contains("publish-button", await otherStaff.GetStringAsync($"/admin/petitions/{id}"));
        Assert.Null(await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).Select(p => p.ModerationLockedBy).SingleAsync()));
        var started = await staff.StartReviewAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal($"/admin/petitions/{id}", started.Headers.Location!.OriginalString);
        Assert.Contains($"/admin/petitions/{id}/release", await staff.GetStringAsync($"/admin/petitions/{id}"));
        var locked = await otherStaff.GetStringAsync($"/admin/petitions/{id}");
        Assert.Contains("locked-by", locked);
        Assert.DoesNotContain("publish-button", locked);
        var refused = await otherStaff.PostFormAsync("/admin/petitions", $"/admin/petitions/{id}/moderate", new Dictionary<string, string> { ["Publish"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        await site.PublishAsync(staff, id);
        // Only a petition awaiting review has a review to start.
        Assert.Equal(HttpStatusCode.NotFound, (await staff.StartReviewAsync(id)).StatusCode);
        Assert.Null(await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).Select(p => p.ModerationLockedBy).SingleAsync()));

        // Signing crosses the lowered thresholds.
        var signerEmails = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var email = await site.CreateUserAsync(StandardRoles.Citizen);
            signerEmails.Add(email);
            var signer = await site.LoggedInClientAsync(email, TestAccounts.Password);
            Assert.Equal(HttpStatusCode.Redirect, (await signer.PostSignAsync(id, await signer.TokenAsync($"/petitions/{id}"), "응원합니다")).StatusCode);
        }

        var petition = await site.WithDbAsync(db => db.Set<Petition>().AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(PetitionStatus.AwaitingAnswer, petition.Status);
        Assert.NotNull(petition.AgendaProposedAt);
        await site.DeliverMailAsync();
        Assert.Contains("답변 기준", Mailbox.Last(site.MailDirectory, signerEmails[0]).Subject);

        var answer = await staff.PostFormAsync($"/admin/petitions/{id}", $"/admin/petitions/{id}/answer", new Dictionary<string, string>
        {
            ["Kind"] = "Accepted",
            ["Text"] = "자전거도로 연결 공사를 내년 상반기에 시작합니다.",
            ["Official"] = "교통국장 홍길동",
        });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        await site.DeliverMailAsync();
        Assert.Contains("답변했습니다", Mailbox.Last(site.MailDirectory, signerEmails[1]).Subject);
        Assert.Contains("자전거도로 연결 공사", await site.CreateBrowserClient().GetStringAsync($"/petitions/{id}"));
        await site.EventsHandledAsync();
        var outcomes = await site.WithDbAsync(db => db.Set<ReceivedOutcome>().Where(o => o.OriginId == id.ToString()).Select(o => new { o.Decision, o.TaskId }).ToListAsync());
        Assert.Contains(outcomes, o => o.Decision == "answered" && o.TaskId != null);
        Assert.Contains(outcomes, o => o.Decision == "proposed-for-deliberation");
    }

    [Fact]
    public async Task Prior_agreements_through_the_private_link_open_the_petition()
    {
        await site.SetPetitionSettingsAsync(s => s with { PriorAgreements = 2, PreModeration = false });
        try
        {
            var author = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
            var id = await site.SubmitPetitionAsync(author, "사전동의 청원 " + Guid.NewGuid().ToString("N")[..6], "사전 동의를 받아야 공개되는 청원의 본문입니다. 충분히 깁니다.");
            var token = await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).Select(p => p.AgreementToken).SingleAsync());
            Assert.Contains(token!, await author.GetStringAsync("/petitions/mine"));
            for (var i = 0; i < 2; i++)
            {
                var c = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
                var r = await c.PostFormAsync($"/petitions/agree/{token}", $"/petitions/agree/{token}", new Dictionary<string, string> { ["confirm"] = "true" });
                Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            }

            Assert.Equal(PetitionStatus.Open, await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        }
        finally
        {
            await site.SetPetitionSettingsAsync(s => s with { PriorAgreements = 0, PreModeration = true });
        }
    }

    [Fact]
    public async Task Rejected_hidden_and_closed_petitions_refuse_signatures()
    {
        await site.SetPetitionSettingsAsync(s => s with { SignPerIpPerMinute = 10000, PriorAgreements = 0, PreModeration = true });
        var rejected = await site.OpenPetitionAsync("중복 청원");
        var hidden = await site.OpenPetitionAsync("광고 청원");
        var closed = await site.OpenPetitionAsync("마감 청원");
        var staff = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Staff), TestAccounts.Password);
        await staff.PostFormAsync($"/admin/petitions/{rejected}", $"/admin/petitions/{rejected}/moderate", new Dictionary<string, string> { ["Publish"] = "false", ["Reason"] = "Duplicate" });
        await staff.PostFormAsync($"/admin/petitions/{hidden}", $"/admin/petitions/{hidden}/moderate", new Dictionary<string, string> { ["Publish"] = "false", ["Reason"] = "Advertising" });
        await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == closed).ExecuteUpdateAsync(u => u.SetProperty(p => p.ClosesAt, DateTime.UtcNow.AddMinutes(-1))));

        var citizen = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        var token = await citizen.TokenAsync("/petitions/mine");

        var r1 = await citizen.PostSignAsync(rejected, token);
        Assert.Equal(HttpStatusCode.Conflict, r1.StatusCode);
        Assert.Contains("반려된 청원", await r1.Content.ReadAsStringAsync());
        Assert.Contains("중복 청원", await site.CreateBrowserClient().GetStringAsync($"/petitions/{rejected}"));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostSignAsync(hidden, token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateBrowserClient().GetAsync($"/petitions/{hidden}")).StatusCode);
        var r3 = await citizen.PostSignAsync(closed, token);
        Assert.Equal(HttpStatusCode.Conflict, r3.StatusCode);
        Assert.Contains("마감된 청원", await r3.Content.ReadAsStringAsync());
        foreach (var id in new[] { rejected, hidden, closed })
        {
            Assert.Equal((0, 0), await site.CountsAsync(id));
        }
    }

    [Fact]
    public async Task Signing_takes_the_verification_level_the_site_requires_and_records_who_signed()
    {
        await site.SetPetitionSettingsAsync(s => s with { SignPerIpPerMinute = 10000, RequiredVerification = VerificationLevel.ResidentVerified });
        try
        {
            await SignAtResidentLevelAsync();
        }
        finally
        {
            // The other tests of this class share the site.
            await site.SetPetitionSettingsAsync(s => s with { RequiredVerification = VerificationLevel.EmailConfirmed });
        }
    }

    private async Task SignAtResidentLevelAsync()
    {
        var id = await site.OpenPetitionAsync("주민 인증이 필요한 청원");
        var email = await site.CreateNamedUserAsync("박서명", StandardRoles.Citizen);
        var citizen = await site.LoggedInClientAsync(email, TestAccounts.Password);
        var token = await citizen.TokenAsync($"/petitions/{id}");

        // Email confirmed only: refused with the reason, and nothing is counted.
        var refused = await citizen.PostSignAsync(id, token);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("더 높은 수준의 본인 인증이 필요합니다", await refused.Content.ReadAsStringAsync());
        Assert.Equal((0, 0), await site.CountsAsync(id));

        // Once the residence is verified, the same person signs, under their display name, region and email domain.
        var regionId = await site.FirstRegionIdAsync();
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.ResidentVerified, true).SetProperty(x => x.RegionId, regionId)));
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostSignAsync(id, token)).StatusCode);
        Assert.Equal((1, 1), await site.CountsAsync(id));
        var row = Assert.Single(await site.SignatureRowsAsync(id));
        Assert.Equal(("박서명", regionId, "test.example"), (row.SignerName, row.RegionId!.Value, row.EmailDomain));

        // A deleted account's other session ends at once: it is sent to log in and cannot sign.
        var otherEmail = await site.CreateUserAsync(StandardRoles.Citizen);
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == otherEmail).ExecuteUpdateAsync(u => u.SetProperty(x => x.ResidentVerified, true)));
        var laptop = await site.LoggedInClientAsync(otherEmail, TestAccounts.Password);
        var phone = await site.LoggedInClientAsync(otherEmail, TestAccounts.Password);
        var phoneToken = await phone.TokenAsync($"/petitions/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.PostFormAsync("/account/delete", "/account/delete", new Dictionary<string, string> { ["Password"] = TestAccounts.Password })).StatusCode);
        var refusedAfterDeletion = await phone.PostSignAsync(id, phoneToken);
        Assert.Equal(HttpStatusCode.Redirect, refusedAfterDeletion.StatusCode);
        Assert.Contains("/account/login", refusedAfterDeletion.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal((1, 1), await site.CountsAsync(id));
    }

    [Fact]
    public async Task Scripts_and_dangerous_links_in_title_body_and_comment_render_inert()
    {
        await site.SetPetitionSettingsAsync(s => s with { SignPerIpPerMinute = 10000 });
        var id = await site.OpenPetitionAsync("<script>alert(1)</script><img src=x onerror=alert(2)>",
            "본문 <script>alert(3)</script> [클릭](javascript:alert(4)) [데이터](data:text/html;base64,PHNjcmlwdD4=) <a href=\"javascript:alert(5)\" onclick=\"alert(6)\">x</a>");
        var citizen = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        await citizen.PostSignAsync(id, await citizen.TokenAsync($"/petitions/{id}"), "<script>alert(7)</script><a href=javascript:alert(8)>y</a>");

        var html = await site.CreateBrowserClient().GetStringAsync($"/petitions/{id}");
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick=\"alert", html);
        Assert.DoesNotContain("<a href=javascript", html);
        Assert.Contains("&lt;script&gt;alert(7)", html);
    }

    [Fact]
    public async Task Signing_too_fast_answers_429_with_a_readable_message()
    {
        await site.SetPetitionSettingsAsync(s => s with { SignPerIpPerMinute = 10000, SignPerAccountPerMinute = 2 });
        try
        {
            var citizen = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
            var token = await citizen.TokenAsync("/petitions/mine");
            var statuses = new List<HttpStatusCode>();
            HttpResponseMessage? last = null;
            for (var i = 0; i < 3; i++)
            {
                last = await citizen.PostSignAsync(await site.OpenPetitionAsync("속도 제한"), token);
                statuses.Add(last.StatusCode);
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
            Assert.Contains("너무 많은 요청", await last!.Content.ReadAsStringAsync());
            Assert.True(last.Headers.Contains("Retry-After"));
        }
        finally
        {
            await site.SetPetitionSettingsAsync(s => s with { SignPerAccountPerMinute = 20 });
        }
    }

    [Fact]
    public async Task A_comment_longer_than_300_characters_is_refused_by_the_signing_handler_and_counts_nothing()
    {
        var id = await site.OpenPetitionAsync("긴 의견");
        var email = await site.CreateUserAsync(StandardRoles.Citizen);
        var citizen = await site.LoggedInClientAsync(email, TestAccounts.Password);
        var userId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var tooLong = new string('가', PetitionSignature.MaxCommentLength + 1);
        Task<SignOutcome> SignAsync(string comment) => site.WithServicesAsync(services =>
            services.GetRequiredService<IMediator>().Send(new SignPetition(id, userId, SignatureKind.Agree, comment, "203.0.113.7")));

        var response = await citizen.PostSignAsync(id, await citizen.TokenAsync($"/petitions/{id}"), tooLong);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("의견은 300자 이내로 입력하십시오.", WebUtility.HtmlDecode(await citizen.GetStringAsync(response.Headers.Location!.OriginalString)));
        Assert.Equal((0, 0), await site.CountsAsync(id));

        // The limit is the handler's: the command sent without the page is refused the same way.
        Assert.Equal(SignOutcome.CommentTooLong, await SignAsync(tooLong));
        Assert.Equal((0, 0), await site.CountsAsync(id));

        // Blank space around the comment does not count against it, and is not kept.
        var longest = new string('나', PetitionSignature.MaxCommentLength);
        Assert.Equal(SignOutcome.Signed, await SignAsync("  " + longest + "\n"));
        Assert.Equal((1, 1), await site.CountsAsync(id));
        Assert.Equal(longest, await site.WithDbAsync(db => db.Set<PetitionSignature>().Where(s => s.PetitionId == id).Select(s => s.Comment).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_signature_kind_is_refused_with_400_and_counts_nothing()
    {
        var id = await site.OpenPetitionAsync("알 수 없는 종류");
        var citizen = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        var token = await citizen.TokenAsync($"/petitions/{id}");

        foreach (var kind in new[] { "99", "-1", "Maybe" })
        {
            var response = await citizen.PostSignAsync(id, token, kind: kind);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("요청을 처리할 수 없습니다", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal((0, 0), await site.CountsAsync(id));
        Assert.Equal(0, await site.WithDbAsync(db => db.Set<PetitionSignature>().CountAsync(x => x.PetitionId == id)));
        Assert.Equal(HttpStatusCode.BadRequest, (await site.CreateBrowserClient().GetAsync("/petitions?tab=99")).StatusCode);
    }

    [Fact]
    public async Task Previews_and_refused_forms_do_not_use_up_the_limit_on_new_petitions()
    {
        await site.SetPetitionSettingsAsync(s => s with { CreatePerAccountPerHour = 2 });
        try
        {
            var author = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
            var field = (await site.FirstFieldIdAsync()).ToString();
            var region = (await site.FirstRegionIdAsync()).ToString();
            Task<HttpResponseMessage> PostAsync(string title, string intent) => author.PostFormAsync("/petitions/new", "/petitions/new", new Dictionary<string, string>
            {
                ["Title"] = title,
                ["Body"] = "공원 화장실이 밤에 잠겨 있습니다. 밤 10시까지 열어 주시기 바랍니다.",
                ["PolicyFieldId"] = field,
                ["RegionId"] = region,
                ["intent"] = intent,
            });

            for (var i = 0; i < 6; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await PostAsync("공원 화장실 개방 시간 " + i, "preview")).StatusCode);
                Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("짧음", "save")).StatusCode);
            }

            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("공원 화장실 개방 시간 연장 1", "save")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("공원 화장실 개방 시간 연장 2", "save")).StatusCode);

            // The third new petition in the hour is refused, and the form keeps what was written.
            var third = await PostAsync("공원 화장실 개방 시간 연장 3", "save");
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            var text = await third.Content.ReadAsStringAsync();
            Assert.Contains("한 시간 동안 시작할 수 있는 청원 수에 도달했습니다", text);
            Assert.Contains("공원 화장실 개방 시간 연장 3", text);
            Assert.Equal(2, await site.WithDbAsync(db => db.Set<Petition>().CountAsync(p => p.Title.StartsWith("공원 화장실 개방 시간 연장"))));
        }
        finally
        {
            await site.SetPetitionSettingsAsync(s => s with { CreatePerAccountPerHour = 5 });
        }
    }

    [Fact]
    public async Task The_open_data_csv_defuses_titles_that_start_like_a_formula_and_writes_counts_and_times_as_they_are()
    {
        var formula = await site.OpenPetitionAsync("=HYPERLINK(\"http://evil.example\",\"자세히\")");
        var fullWidth = await site.OpenPetitionAsync("＋1 전각 더하기로 시작하는 청원");
        // Signed in, so the file is written now, not served from the visitors' cache.
        var citizen = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);

        var response = await citizen.GetAsync("/api/petitions.csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("id,title,status,policy_field,region,signatures,disagreements,published_at,closes_at,answered_at,url,answer_kind", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith($"{formula},", StringComparison.Ordinal));
        Assert.StartsWith($"{formula},\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"자세히\"\") ", row);
        Assert.Matches(@",0,0,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,,http", row);
        Assert.StartsWith($"{fullWidth},'＋1 전각 더하기로 시작하는 청원 ", Assert.Single(lines, l => l.StartsWith($"{fullWidth},", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Open_data_has_counts_and_no_personal_data()
    {
        await site.SetPetitionSettingsAsync(s => s with { SignPerIpPerMinute = 10000 });
        var id = await site.OpenPetitionAsync("공공데이터 청원");
        var citizen = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        await citizen.PostSignAsync(id, await citizen.TokenAsync($"/petitions/{id}"));
        var anonymous = site.CreateBrowserClient();

        var detail = await anonymous.GetStringAsync($"/api/petitions/{id}");
        Assert.Contains("\"signatures\":1", detail);
        Assert.Contains("byRegion", detail);
        Assert.Contains("byDay", detail);
        Assert.DoesNotContain("@test.example", detail);
        Assert.DoesNotContain("홍길동", detail);
        Assert.Contains("공공데이터 청원", await anonymous.GetStringAsync("/api/petitions?q=데이터"));
        Assert.Contains("공공데이터 청원", await anonymous.GetStringAsync("/api/petitions.csv"));
        var feed = await anonymous.GetAsync("/petitions/feed.atom");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"id\":" + id + ",\"signatures\":1,\"disagreements\":0}", await anonymous.GetStringAsync($"/petitions/{id}/counts"));
    }
}
