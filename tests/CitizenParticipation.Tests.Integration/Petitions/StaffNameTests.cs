using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Tests.Integration.Infrastructure;

namespace CitizenParticipation.Tests.Integration.Petitions;

/// <summary>
/// Staff actions on petitions are recorded under the staff member's display name (a claim of the
/// sign-in), never under the email address that is their user name.
/// </summary>
public sealed partial class StaffNameTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [GeneratedRegex("<section aria-labelledby=\"history-heading\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex HistoryPattern();

    [GeneratedRegex("<p role=\"status\" id=\"locked-by\">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex LockPattern();

    [GeneratedRegex("<p class=\"form-hint-invalid\" role=\"alert\" id=\"form-error\">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex FormErrorPattern();

    private static string Find(Regex pattern, string html, string what)
    {
        var match = pattern.Match(html);
        Assert.True(match.Success, $"The page has no {what}.");
        return match.Value;
    }

    private async Task<(HttpClient Client, string Email)> SignedInAsync(string displayName, string role)
    {
        var email = await site.CreateNamedUserAsync(displayName, role);
        return (await site.LoggedInClientAsync(email, TestAccounts.Password), email);
    }

    private async Task<int> SubmittedPetitionAsync(HttpClient author)
    {
        await site.SetPetitionSettingsAsync(s => s with { PriorAgreements = 0, PreModeration = true });
        return await site.SubmitPetitionAsync(author, "공원 화장실을 늘려 주세요 " + Guid.NewGuid().ToString("N")[..6],
            "주말마다 공원 화장실 앞에 줄이 깁니다. 화장실을 더 지어 주십시오.");
    }

    private async Task<int> SubmittedPetitionAsync() =>
        await SubmittedPetitionAsync((await SignedInAsync("김시민", StandardRoles.Citizen)).Client);

    private static async Task<string> HistoryAsync(HttpClient staff, int id) =>
        Find(HistoryPattern(), await staff.GetHtmlAsync($"/admin/petitions/{id}"), "history");

    [Fact]
    public async Task Review_lock_decisions_and_answer_name_the_staff_member_and_never_an_email_address()
    {
        var (author, authorEmail) = await SignedInAsync("김작성", StandardRoles.Citizen);
        var (reviewer, reviewerEmail) = await SignedInAsync("이검토", StandardRoles.Staff);
        var (answerer, answererEmail) = await SignedInAsync("최답변", StandardRoles.Staff);
        var published = await SubmittedPetitionAsync(author);
        var rejected = await SubmittedPetitionAsync(author);

        // The first to start reviewing the petition holds it; the other staff member is told who.
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.StartReviewAsync(published)).StatusCode);
        Assert.Contains("publish-button", await reviewer.GetHtmlAsync($"/admin/petitions/{published}"));
        var lockMessage = Find(LockPattern(), await answerer.GetHtmlAsync($"/admin/petitions/{published}"), "moderation lock message");
        Assert.Contains("이검토", lockMessage);
        Assert.DoesNotContain(reviewerEmail, lockMessage);
        var refused = await answerer.PostFormAsync("/admin/petitions", $"/admin/petitions/{published}/moderate", new Dictionary<string, string> { ["Publish"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusal = Find(FormErrorPattern(), WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "refusal message");
        Assert.Contains("이검토", refusal);
        Assert.DoesNotContain(reviewerEmail, refusal);

        await site.PublishAsync(reviewer, published);
        var reject = await reviewer.PostFormAsync($"/admin/petitions/{rejected}", $"/admin/petitions/{rejected}/moderate", new Dictionary<string, string>
        {
            ["Publish"] = "false",
            ["Reason"] = "Duplicate",
        });
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        var answer = await answerer.PostFormAsync($"/admin/petitions/{published}", $"/admin/petitions/{published}/answer", new Dictionary<string, string>
        {
            ["Kind"] = "Accepted",
            ["Text"] = "내년 예산에 공원 화장실 두 곳의 신축비를 반영하겠습니다.",
            ["Official"] = "공원녹지과장",
        });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        var publishedPage = await reviewer.GetHtmlAsync($"/admin/petitions/{published}");
        var history = Find(HistoryPattern(), publishedPage, "history");
        Assert.Contains("청원인 제출 · 김작성", history);
        Assert.Contains("공개(동의 시작) · 이검토", history);
        Assert.Contains("답변 공개: 수용 · 최답변 · 공원녹지과장", history);
        Assert.Contains("반려 (중복 청원) · 이검토", await HistoryAsync(reviewer, rejected));
        // The public page names the author by their masked display name.
        var publicPage = await site.CreateBrowserClient().GetHtmlAsync($"/petitions/{published}");
        Assert.Contains("청원인 김*성", publicPage);
        foreach (var email in new[] { authorEmail, reviewerEmail, answererEmail })
        {
            Assert.DoesNotContain(email, publishedPage);
            Assert.DoesNotContain(email, await reviewer.GetHtmlAsync($"/admin/petitions/{rejected}"));
            Assert.DoesNotContain(email, await reviewer.GetHtmlAsync("/admin/petitions"));
            Assert.DoesNotContain(email, publicPage);
        }
    }

    [Fact]
    public async Task A_display_name_changed_in_the_profile_names_the_next_action_of_the_same_session()
    {
        var (staff, _) = await SignedInAsync("정이전", StandardRoles.Staff);
        var before = await SubmittedPetitionAsync();
        await site.PublishAsync(staff, before);

        var saved = await staff.PostFormAsync("/account/profile", "/account/profile", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "정이후",
            ["Form.PreferredCulture"] = "ko",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await SubmittedPetitionAsync();
        var (other, _) = await SignedInAsync("한동료", StandardRoles.Staff);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.StartReviewAsync(after)).StatusCode);
        var lockMessage = Find(LockPattern(), await other.GetHtmlAsync($"/admin/petitions/{after}"), "moderation lock message");
        Assert.Contains("정이후", lockMessage);
        await site.PublishAsync(staff, after);
        var history = await HistoryAsync(staff, after);
        Assert.Contains("공개(동의 시작) · 정이후", history);
        Assert.DoesNotContain("정이전", history);
        // What was done before the change stays recorded under the name it was done under.
        Assert.Contains("공개(동의 시작) · 정이전", await HistoryAsync(staff, before));
    }

    [Fact]
    public async Task Deleted_accounts_leave_an_anonymised_name_in_petition_history_and_release_their_lock()
    {
        var (author, _) = await SignedInAsync("탈퇴작성자", StandardRoles.Citizen);
        var (leaver, _) = await SignedInAsync("탈퇴직원", StandardRoles.Staff);
        var (colleague, _) = await SignedInAsync("남는직원", StandardRoles.Staff);
        var decided = await SubmittedPetitionAsync(author);
        var held = await SubmittedPetitionAsync();
        await site.PublishAsync(leaver, decided);
        Assert.Equal(HttpStatusCode.Redirect, (await leaver.StartReviewAsync(held)).StatusCode);
        Assert.Contains("탈퇴직원", Find(LockPattern(), await colleague.GetHtmlAsync($"/admin/petitions/{held}"), "moderation lock message"));

        foreach (var client in new[] { author, leaver })
        {
            var deleted = await client.PostFormAsync("/account/delete", "/account/delete", new Dictionary<string, string> { ["Password"] = TestAccounts.Password });
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var page = await colleague.GetHtmlAsync($"/admin/petitions/{decided}");
        Assert.DoesNotContain("탈퇴작성자", page);
        Assert.DoesNotContain("탈퇴직원", page);
        var history = Find(HistoryPattern(), page, "history");
        Assert.Contains("청원인 제출 · 탈퇴회원-", history);
        Assert.Contains("공개(동의 시작) · 탈퇴회원-", history);
        var heldPage = await colleague.GetHtmlAsync($"/admin/petitions/{held}");
        Assert.Contains("publish-button", heldPage);
        Assert.DoesNotContain("탈퇴직원", heldPage);
    }
}
