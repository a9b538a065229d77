using System.Net;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using CitizenParticipation.Tests.Integration.Petitions;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Tests.Integration.Users;

/// <summary>The display name is a claim of each sign-in; the person's other sessions take a new name up at their security-stamp validation.</summary>
public sealed class DisplayNameSessionTests(ClockedSiteFactory site) : IClassFixture<ClockedSiteFactory>
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
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/admin/petitions/{early}")).StatusCode);
        Assert.Equal("윤처음", await LockHolderAsync(early));

        // ...until the security stamp is checked again, which re-issues the sign-in with the current name.
        site.Clock.UtcNow += TimeSpan.FromMinutes(6);
        var later = await SubmittedPetitionAsync();
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync($"/admin/petitions/{later}")).StatusCode);
        Assert.Equal("윤나중", await LockHolderAsync(later));
    }

    [Fact]
    public async Task A_deleted_accounts_other_session_is_refused_once_the_validation_interval_has_passed()
    {
        var email = await site.CreateUserAsync(StandardRoles.Citizen);
        var laptop = await site.LoggedInClientAsync(email, TestAccounts.Password);
        var phone = await site.LoggedInClientAsync(email, TestAccounts.Password);

        var deleted = await laptop.PostFormAsync("/account/delete", "/account/delete", new Dictionary<string, string> { ["Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        // Within the interval the other sign-in is taken as issued (the stamp is not read on every request)...
        site.Clock.UtcNow += TimeSpan.FromMinutes(4);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/petitions/mine")).StatusCode);

        // ...and once it has passed, the stamp no longer matches and the sign-in is refused.
        site.Clock.UtcNow += TimeSpan.FromMinutes(2);
        var refused = await phone.GetAsync("/petitions/mine");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
