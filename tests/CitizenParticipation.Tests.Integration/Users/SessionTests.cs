using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using CitizenParticipation.Tests.Integration.Petitions;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Tests.Integration.Users;

/// <summary>
/// Sessions end on the server: logging out, a password change or reset and a deleted account refuse every copy of
/// the sign-in cookie at once. The display name is a claim of each sign-in; other sessions take a new name up at
/// their security-stamp validation.
/// </summary>
public sealed class SessionTests(ClockedSiteFactory site) : IClassFixture<ClockedSiteFactory>
{
    private async Task<int> SubmittedPetitionAsync()
    {
        var author = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        return await site.SubmitPetitionAsync(author, "가로등을 밝게 바꿔 주세요 " + Guid.NewGuid().ToString("N")[..6], "밤길이 어둡습니다. 골목 가로등을 LED로 바꿔 주십시오.");
    }

    private Task<string?> LockHolderAsync(int id) =>
        site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).Select(p => p.ModerationLockedByName).SingleAsync());

    [Fact]
    public async Task Another_session_takes_up_a_changed_display_name_within_the_validation_interval()
    {
        await site.SetPetitionSettingsAsync(s => s with { PriorAgreements = 0, PreModeration = true });
        var email = await site.CreateNamedUserAsync("윤처음", StandardRoles.Staff);
        var laptop = await site.LoggedInClientAsync(email, TestAccounts.Password);
        var phone = await site.LoggedInClientAsync(email, TestAccounts.Password);

        var saved = await laptop.PostFormAsync("/account/profile", "/account/profile", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "윤나중",
            ["Form.PreferredCulture"] = "ko",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The other session's sign-in still carries the name it was issued with...
        var early = await SubmittedPetitionAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await phone.StartReviewAsync(early)).StatusCode);
        Assert.Equal("윤처음", await LockHolderAsync(early));

        // ...until the security stamp is checked again, which re-issues the sign-in with the current name.
        site.Clock.Advance(TimeSpan.FromMinutes(6));
        var later = await SubmittedPetitionAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await phone.StartReviewAsync(later)).StatusCode);
        Assert.Equal("윤나중", await LockHolderAsync(later));
    }

    [Fact]
    public async Task A_deleted_accounts_other_session_is_refused_at_once()
    {
        var email = await site.CreateUserAsync(StandardRoles.Citizen);
        var laptop = await site.LoggedInClientAsync(email, TestAccounts.Password);
        var phone = await site.LoggedInClientAsync(email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/petitions/mine")).StatusCode);

        var deleted = await laptop.PostFormAsync("/account/delete", "/account/delete", new Dictionary<string, string> { ["Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        AssertSentToLogIn(await phone.GetAsync("/petitions/mine"));
    }

    [Fact]
    public async Task A_copy_of_the_sign_in_cookie_taken_before_logging_out_is_refused_afterwards()
    {
        var email = await site.CreateUserAsync(StandardRoles.Citizen);
        var cookies = new CookieContainer();
        var browser = site.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync(email, TestAccounts.Password)).StatusCode);
        var thief = CopyOf(cookies);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/petitions/mine")).StatusCode);

        var loggedOut = await browser.PostFormAsync("/petitions/mine", "/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);

        AssertSentToLogIn(await thief.GetAsync("/petitions/mine"));
        // Nor can the copy sign: the petition page offers it no signing form, and a signature would be counted.
        var id = await site.OpenPetitionAsync("로그아웃 뒤의 서명");
        var page = await thief.GetStringAsync($"/petitions/{id}");
        if (Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"") is { Success: true } token)
        {
            await thief.PostSignAsync(id, WebUtility.HtmlDecode(token.Groups[1].Value));
        }

        Assert.Equal((0, 0), await site.CountsAsync(id));
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_at_once_and_keeps_this_one()
    {
        var email = await site.CreateUserAsync(StandardRoles.Citizen);
        var laptop = await site.LoggedInClientAsync(email, TestAccounts.Password);
        var phone = await site.LoggedInClientAsync(email, TestAccounts.Password);

        var changed = await laptop.PostFormAsync("/account/change-password", "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestAccounts.Password,
            ["NewPassword"] = "changed secret 77",
            ["ConfirmNewPassword"] = "changed secret 77",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/petitions/mine")).StatusCode);
        AssertSentToLogIn(await phone.GetAsync("/petitions/mine"));
    }

    [Fact]
    public async Task Resetting_the_password_ends_every_session_at_once()
    {
        var email = await site.CreateUserAsync(StandardRoles.Citizen);
        var phone = await site.LoggedInClientAsync(email, TestAccounts.Password);
        var user = await site.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        string token = "";
        await site.WithScopeAsync(async services => token = await services.GetRequiredService<UserManager<Core.Data.User>>().GeneratePasswordResetTokenAsync(user));
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

        var reset = await site.CreateBrowserClient().PostFormAsync($"/account/reset-password?userId={user.Id}&code={code}", "/account/reset-password", new Dictionary<string, string>
        {
            ["UserId"] = user.Id.ToString(),
            ["Code"] = code,
            ["Password"] = "reset secret 88",
            ["ConfirmPassword"] = "reset secret 88",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        AssertSentToLogIn(await phone.GetAsync("/petitions/mine"));
    }

    /// <summary>A second client holding copies of the cookies the first one has now.</summary>
    private HttpClient CopyOf(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        copy.Add(cookies.GetCookies(new Uri("http://localhost/")));
        return site.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(copy));
    }

    private static void AssertSentToLogIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
