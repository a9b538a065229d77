using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Tests.Integration.Users;

public sealed class AccountTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Register_confirm_by_email_then_log_in_and_see_the_profile()
    {
        var client = site.Browser();
        var email = Accounts.NewEmail("mina");

        var registered = await client.RegisterAsync(email, "김미나");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/account/check-email", registered.Headers.Location?.OriginalString);

        var user = await site.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.False(user.EmailConfirmed);
        Assert.Equal("ko", user.PreferredCulture);
        Assert.True(user.ConfirmedAge14OrOver);
        Assert.True(await site.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "Citizen"))));

        // Opening the link (as a mail scanner does) confirms nothing; its button does.
        await site.DeliverMailAsync();
        var opened = await site.CreateBrowserClient().GetAsync(Mailbox.Last(site.MailDirectory, email).Link("/account/confirm-email"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("confirm-email-button", await opened.Content.ReadAsStringAsync());
        Assert.False(await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));

        var confirmed = await site.ConfirmFromMailAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("이메일 주소 인증 완료", await confirmed.Content.ReadAsStringAsync());
        Assert.True(await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));

        var login = await client.LoginAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);

        var profile = await client.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        var text = await profile.ReadTextAsync();
        Assert.Contains("김미나", text);
        Assert.Contains(email, text);
    }

    [Fact]
    public async Task Registration_refuses_bad_input_with_messages_and_saves_nothing()
    {
        var client = site.Browser();
        var email = Accounts.NewEmail("bad");
        var response = await client.PostFormAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["DisplayName"] = "x",
            ["Password"] = "short",
            ["ConfirmPassword"] = "short",
            ["AgreeToTerms"] = "true",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.ReadTextAsync();
        Assert.Contains("연령을 확인해 주십시오", text);
        Assert.Contains("2자 이상 20자 이하", text);
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var weak = await client.RegisterAsync(email, "약한비번", "onlyletters");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("숫자", await weak.ReadTextAsync());
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == email)));
    }

    [Fact]
    public async Task Login_before_confirmation_is_refused_with_a_message()
    {
        var client = site.Browser();
        var email = Accounts.NewEmail("early");
        await client.RegisterAsync(email, "성급한");

        var response = await client.LoginAsync(email, Accounts.Password);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("이메일 주소 인증이 완료되지 않았습니다", await response.ReadTextAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/profile")).StatusCode);

        var wrong = await client.LoginAsync(email, "wrong password 1");
        Assert.Contains("이메일 주소 또는 비밀번호가 올바르지 않습니다", await wrong.ReadTextAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_and_the_owner_is_told_by_email()
    {
        var (_, email) = await site.SignedInCitizenAsync("locked");
        var client = site.Browser();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.LoginAsync(email, $"wrong password {i}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        }

        // The right password no longer signs in; the page says no more than it says for a wrong one.
        var right = await client.LoginAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, right.StatusCode);
        Assert.Contains("5회 잘못 입력하면 계정이 15분 동안 잠기며", await right.ReadTextAsync());

        var lockoutEnd = await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));

        await site.DeliverMailAsync();
        var mail = Mailbox.Last(site.MailDirectory, email);
        Assert.Contains("15분 동안 잠겼습니다", mail.Subject);
        Assert.Contains("http://localhost/account/forgot-password", mail.Body);
    }

    [Fact]
    public async Task A_locked_account_a_wrong_password_and_an_unknown_address_answer_alike()
    {
        var (_, email) = await site.SignedInCitizenAsync("enumerated");
        var unknown = Accounts.NewEmail("nobody");
        var client = site.Browser();
        for (var i = 0; i < 5; i++)
        {
            await client.LoginAsync(email, $"wrong password {i}");
            await client.LoginAsync(unknown, $"wrong password {i}");
        }

        var answers = new List<string>();
        foreach (var (address, password) in new[] { (email, Accounts.Password), (email, "wrong again 1"), (unknown, Accounts.Password) })
        {
            var response = await client.LoginAsync(address, password);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            // The page without the address typed into it and the form's token.
            answers.Add(Regex.Replace((await response.ReadTextAsync()).Replace(address, "ADDRESS"), "value=\"[^\"]{40,}\"", ""));
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(answers[0], answers[2]);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_as_for_a_new_one_and_emails_its_owner()
    {
        var (_, email) = await site.SignedInCitizenAsync("taken");
        var fresh = Accounts.NewEmail("fresh");

        var again = await site.Browser().RegisterAsync(email, "다른사람");
        var first = await site.Browser().RegisterAsync(fresh, "새사람");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await site.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Equal("taken", await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));

        // A weak password is refused alike for both, before anything depends on the address.
        var weakTaken = await site.Browser().RegisterAsync(email, "다른사람", "short1");
        var weakFresh = await site.Browser().RegisterAsync(Accounts.NewEmail("weak"), "다른사람", "short1");
        Assert.Equal(HttpStatusCode.BadRequest, weakTaken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, weakFresh.StatusCode);
        Assert.Contains("8자 이상", await weakTaken.ReadTextAsync());
        Assert.Contains("8자 이상", await weakFresh.ReadTextAsync());

        await site.DeliverMailAsync();
        var mail = Mailbox.Last(site.MailDirectory, email);
        Assert.Contains("이미 가입된 계정이 있습니다", mail.Subject);
        Assert.Contains("http://localhost/account/forgot-password", mail.Body);
    }

    [Fact]
    public async Task Links_in_emails_and_feeds_are_built_from_the_configured_address_never_from_the_Host_header()
    {
        var (_, email) = await site.SignedInCitizenAsync("hosted");

        // Only the configured address and the machine's own names are served.
        var evil = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example/"), AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.BadRequest, (await evil.GetAsync("/account/forgot-password")).StatusCode);

        // A city that turned host filtering off still mails links to its own address.
        using var anyHost = site.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "*"));
        var attacker = anyHost.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example/"), AllowAutoRedirect = false, HandleCookies = true });
        var asked = await attacker.PostFormAsync("/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        await site.DeliverMailAsync();
        var mail = Mailbox.Last(site.MailDirectory, email);
        Assert.Contains(SiteFactory.PublicBaseUrl + "/account/reset-password?userId=", mail.Body);
        Assert.DoesNotContain("evil.example", mail.Body);

        foreach (var feed in new[] { "/petitions/feed.atom", "/mayors-office/feed.atom", "/api/petitions", "/api/petitions.csv" })
        {
            var response = await attacker.GetAsync(feed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Forgot_password_sends_a_link_that_sets_a_new_password()
    {
        var (_, email) = await site.SignedInCitizenAsync("forgetful");
        var client = site.Browser();

        var asked = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var unknown = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = Accounts.NewEmail("nobody") });
        Assert.Equal(asked.Headers.Location, unknown.Headers.Location);

        await site.DeliverMailAsync();
        var mail = Mailbox.Last(site.MailDirectory, email);
        Assert.Contains("비밀번호", mail.Subject);
        var link = mail.Link("/account/reset-password");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), link).Query);

        const string newPassword = "new secret 2024";
        var reset = await client.PostFormAsync(link, "/account/reset-password", new Dictionary<string, string>
        {
            ["UserId"] = query["userId"].ToString(),
            ["Code"] = query["code"].ToString(),
            ["Password"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await site.Browser().LoginAsync(email, Accounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.Browser().LoginAsync(email, newPassword)).StatusCode);

        var reused = await client.PostFormAsync(link, "/account/reset-password", new Dictionary<string, string>
        {
            ["UserId"] = query["userId"].ToString(),
            ["Code"] = query["code"].ToString(),
            ["Password"] = "another one 99",
            ["ConfirmPassword"] = "another one 99",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("링크가 올바르지 않거나 만료되었습니다", await reused.ReadTextAsync());
    }

    [Fact]
    public async Task Deleting_the_account_anonymises_it_and_the_old_email_cannot_log_in()
    {
        var (client, email) = await site.SignedInCitizenAsync("leaving");
        var id = await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var refused = await client.PostFormAsync("/account/delete", "/account/delete", new Dictionary<string, string> { ["Password"] = "not my password 1" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var deleted = await client.PostFormAsync("/account/delete", "/account/delete", new Dictionary<string, string> { ["Password"] = Accounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        var user = await site.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal($"deleted-{id:N}@deleted.invalid", user.Email);
        Assert.Equal(user.Email, user.UserName);
        Assert.Equal(user.Email!.ToUpperInvariant(), user.NormalizedEmail);
        Assert.Equal(user.Email.ToUpperInvariant(), user.NormalizedUserName);
        Assert.Equal("탈퇴회원-" + id.ToString("N")[..6], user.DisplayName);
        Assert.Null(user.PasswordHash);
        Assert.Null(user.PhoneNumber);
        Assert.Null(user.RegionId);
        Assert.False(user.EmailConfirmed);
        Assert.NotNull(user.DeletedAt);
        Assert.Equal(DateTimeOffset.MaxValue, user.LockoutEnd);
        Assert.False(await site.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/profile")).StatusCode);
        var login = await site.Browser().LoginAsync(email, Accounts.Password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, login.StatusCode);
        Assert.Contains("이메일 주소 또는 비밀번호가 올바르지 않습니다", await login.ReadTextAsync());
    }

    [Fact]
    public async Task The_confirmation_email_is_in_the_language_of_the_person()
    {
        var english = Accounts.NewEmail("english");
        var korean = Accounts.NewEmail("korean");
        await site.Browser("en").RegisterAsync(english, "Jane Doe");
        await site.Browser("ko").RegisterAsync(korean, "홍길동");
        await site.DeliverMailAsync();

        Assert.Equal("en", await site.WithDbAsync(db => db.Users.Where(u => u.Email == english).Select(u => u.PreferredCulture).SingleAsync()));
        var inEnglish = Mailbox.Last(site.MailDirectory, english);
        Assert.Equal("en", inEnglish.ContentLanguage);
        Assert.Contains("Confirm your email address", inEnglish.Subject);
        Assert.Contains("Hello Jane Doe,", inEnglish.Body);

        var inKorean = Mailbox.Last(site.MailDirectory, korean);
        Assert.Equal("ko", inKorean.ContentLanguage);
        Assert.Contains("이메일 주소 인증", inKorean.Subject);
        Assert.Contains("홍길동님", inKorean.Body);
        Assert.DoesNotContain("Hello", inKorean.Body);
    }

    [Fact]
    public async Task The_language_chosen_while_signed_in_is_kept_on_the_account()
    {
        var (client, email) = await site.SignedInCitizenAsync("switching");
        Task<string> Kept() => site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync());
        Assert.Equal("ko", await Kept());

        var chosen = await client.PostFormAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/account/profile" });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/account/profile", chosen.Headers.Location?.OriginalString);
        Assert.Equal("en", await Kept());

        var refused = await client.PostFormAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "fr" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("en", await Kept());
    }

    [Theory]
    [InlineData("/account/change-password", "/account/change-password")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    public async Task Login_returns_only_to_local_addresses(string returnUrl, string expected)
    {
        var (_, email) = await site.SignedInCitizenAsync("returning");
        var client = site.Browser();

        var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Accounts.Password,
            ["ReturnUrl"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Closed_registration_creates_no_account()
    {
        await SetRegistrationOpenAsync(false);
        try
        {
            var client = site.Browser();
            Assert.Contains("현재 회원가입을 받지 않고 있습니다", await (await client.GetAsync("/account/register")).ReadTextAsync());

            var email = Accounts.NewEmail("closed");
            var token = await client.GetAntiforgeryTokenAsync("/account/login");
            var response = await client.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["DisplayName"] = "닫힘",
                ["Password"] = Accounts.Password,
                ["ConfirmPassword"] = Accounts.Password,
                ["ConfirmAge14OrOver"] = "true",
                ["AgreeToTerms"] = "true",
                ["__RequestVerificationToken"] = token,
            }));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        }
        finally
        {
            await SetRegistrationOpenAsync(true);
        }
    }

    private Task SetRegistrationOpenAsync(bool open) =>
        site.WithScopeAsync(async services =>
        {
            var store = services.GetRequiredService<CitizenParticipation.Core.Settings.SiteSettingsService>();
            await store.SaveAsync((await store.ReadAsync<CitizenParticipation.Core.Settings.SiteSettingsValues>()) with { RegistrationOpen = open });
        });
}
