using System.Net;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Users.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Users;

/// <summary>
/// A display name is shown next to petitions, signatures and staff actions: characters that draw nothing or turn the
/// text around (a right-to-left override shows the rest of the name backwards) would let one name pass for another.
/// </summary>
public sealed class DisplayNameTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Korean = "이름에는 보이는 글자만 쓸 수 있습니다. 보이지 않는 문자, 제어 문자, 글자 방향을 바꾸는 문자는 쓸 수 없습니다.";
    private const string English = "A name can only contain visible characters: invisible characters, control characters and characters that change the text direction are not allowed.";

    /// <summary>Names that look harmless on the page; each hides a character of a refused kind.</summary>
    public static TheoryData<string> HiddenCharacterNames => new()
    {
        "관리자\u202Egnp.exe",   // right-to-left override (Cf)
        "\u2067김민준\u2069",     // right-to-left isolate and its end (Cf)
        "김\u200B민준",           // zero-width space (Cf)
        "김민\u200F준",           // right-to-left mark (Cf)
        "김민준\u0007",           // bell (Cc)
        "김민준\u0378",           // unassigned
        "\u3164\u3164",           // Hangul fillers: letters that draw nothing
    };

    [Theory]
    [MemberData(nameof(HiddenCharacterNames))]
    public async Task Registration_refuses_a_name_with_hidden_characters_with_a_message_and_creates_no_account(string name)
    {
        var email = Accounts.NewEmail("hidden");

        var response = await site.Browser().RegisterAsync(email, name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Korean, WebUtility.HtmlDecode(await response.ReadTextAsync()));
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.False(await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.To == email)));
    }

    [Fact]
    public async Task The_refusal_is_in_the_language_of_the_interface()
    {
        var response = await site.Browser("en").RegisterAsync(Accounts.NewEmail("hidden-en"), "Admin\u202Etxt.exe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(English, WebUtility.HtmlDecode(await response.ReadTextAsync()));
    }

    [Fact]
    public async Task Names_with_spaces_hyphens_and_emoji_are_accepted()
    {
        foreach (var name in new[] { "Kim Min-jun", "김 민준 🙂", "O'Brien" })
        {
            var email = Accounts.NewEmail("visible");
            Assert.Equal(HttpStatusCode.Redirect, (await site.Browser().RegisterAsync(email, name)).StatusCode);
            Assert.Equal(name, await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));
        }
    }

    [Fact]
    public async Task The_profile_refuses_a_name_with_hidden_characters_and_keeps_the_old_name()
    {
        var (client, email) = await site.SignedInCitizenAsync("원래이름");

        var response = await client.PostFormAsync("/account/profile", "/account/profile", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "원래\u202E름이",
            ["Form.PreferredCulture"] = "ko",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Korean, WebUtility.HtmlDecode(await response.ReadTextAsync()));
        Assert.Equal("원래이름", await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task The_commands_refuse_the_name_whoever_sends_them_not_only_the_form()
    {
        var (_, email) = await site.SignedInCitizenAsync("명령이름");
        var userId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var fresh = Accounts.NewEmail("command");

        await site.WithScopeAsync(async services =>
        {
            var mediator = services.GetRequiredService<IMediator>();
            var update = await Assert.ThrowsAsync<RequestValidationException>(() => mediator.Send(new UpdateProfile.Command
            {
                UserId = userId, DisplayName = "명령\u200B이름", PreferredCulture = "ko",
            }));
            Assert.Contains(update.Failures, f => f.Field == nameof(UpdateProfile.Command.DisplayName));
            var register = await Assert.ThrowsAsync<RequestValidationException>(() => mediator.Send(new Register.Command
            {
                Email = fresh, DisplayName = "새\u2066이름", Password = Accounts.Password, ConfirmPassword = Accounts.Password,
                ConfirmAge14OrOver = true, AgreeToTerms = true,
            }));
            Assert.Contains(register.Failures, f => f.Field == nameof(Register.Command.DisplayName));
        });

        Assert.Equal("명령이름", await site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == fresh)));
    }
}
