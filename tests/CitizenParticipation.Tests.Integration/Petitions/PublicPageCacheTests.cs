using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using CitizenParticipation.Tests.Integration.Users;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Petitions;

/// <summary>Anonymous readers share recently rendered petition pages; logged-in people and committed changes never see them stale.</summary>
public sealed partial class PublicPageCacheTests(PublicPageCacheTests.LongCacheSiteFactory site) : IClassFixture<PublicPageCacheTests.LongCacheSiteFactory>
{
    /// <summary>
    /// Pages stay cached for an hour, so that "still cached" never depends on how fast a busy machine runs the test,
    /// and only the test runs the petition maintenance.
    /// </summary>
    public sealed class LongCacheSiteFactory : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Petitions:PublicCacheSeconds", "3600");
            builder.UseSetting("Petitions:MaintenanceEnabled", "false");
        }
    }

    [GeneratedRegex("<strong id=\"signature-count\">([^<]+)</strong>")]
    private static partial Regex CountPattern();

    private static string Count(string html) => CountPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : "(no count)";

    [Fact]
    public async Task Anonymous_readers_share_a_page_that_logged_in_readers_and_commands_never_see_stale()
    {
        await site.SetPetitionSettingsAsync(s => s with { SignPerIpPerMinute = 10000 });
        var id = await site.OpenPetitionAsync();
        var visitor = site.CreateBrowserClient();
        var first = await visitor.GetAsync($"/petitions/{id}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), "A page for everyone must not set a cookie.");
        var html = await first.Content.ReadAsStringAsync();
        Assert.Equal("0", Count(html));
        Assert.DoesNotContain("__RequestVerificationToken", html);
        Assert.Contains("\"signatures\":0,", await site.CreateBrowserClient().GetStringAsync($"/api/petitions/{id}"));

        // A change that bypasses the site: anonymous visitors keep the page rendered a moment ago ...
        await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.SignatureCount, 4321)));
        Assert.Equal("0", Count(await site.CreateBrowserClient().GetStringAsync($"/petitions/{id}")));
        Assert.Contains("\"signatures\":0,", await site.CreateBrowserClient().GetStringAsync($"/api/petitions/{id}"));

        // ... a logged-in reader gets it fresh, with the sign form and its token ...
        var citizen = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        var own = await citizen.GetStringAsync($"/petitions/{id}");
        Assert.Equal("4,321", Count(own));
        Assert.Contains("id=\"sign-form\"", own);

        // ... another language is another page ...
        var english = site.Browser("en");
        var englishHtml = await english.GetStringAsync($"/petitions/{id}");
        Assert.Contains("<html lang=\"en\"", englishHtml);
        Assert.Equal("4,321", Count(englishHtml));

        // ... a visitor with a notice waiting gets their own page ...
        var withNotice = site.CreateBrowserClient();
        withNotice.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Mvc.CookieTempDataProvider=x");
        Assert.Equal("4,321", Count(await withNotice.GetStringAsync($"/petitions/{id}")));

        // ... and a committed command of the module evicts the shared pages at once.
        var staff = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Staff), TestAccounts.Password);
        var answered = await staff.PostFormAsync($"/admin/petitions/{id}", $"/admin/petitions/{id}/answer", new Dictionary<string, string>
        {
            ["Kind"] = "Accepted",
            ["Text"] = "배차 간격을 12분으로 줄이겠습니다.",
            ["Official"] = "교통국장",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var after = await site.CreateBrowserClient().GetStringAsync($"/petitions/{id}");
        Assert.Contains("배차 간격을 12분으로 줄이겠습니다.", after);
        Assert.Equal("4,321", Count(after));
    }

    [Fact]
    public async Task Open_data_and_the_live_count_are_shared_too_but_a_signer_sees_their_own_signature()
    {
        await site.SetPetitionSettingsAsync(s => s with { SignPerIpPerMinute = 10000 });
        var id = await site.OpenPetitionAsync();
        Assert.Contains("\"signatures\":0", await site.CreateBrowserClient().GetStringAsync($"/petitions/{id}/counts"));

        var citizen = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Citizen), TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostSignAsync(id, await citizen.TokenAsync($"/petitions/{id}"))).StatusCode);
        Assert.Equal((1, 1), await site.CountsAsync(id));
        // The signer's own page after the redirect is fresh: their signature counts and is shown as theirs.
        Assert.Equal("1", Count(await citizen.GetStringAsync($"/petitions/{id}")));
        // The shared count catches up within the cache's lifetime (a few seconds), not at once.
        Assert.Contains("\"signatures\":0", await site.CreateBrowserClient().GetStringAsync($"/petitions/{id}/counts"));
    }

    [Fact]
    public async Task Only_commands_that_change_public_pages_evict_them()
    {
        await site.SetPetitionSettingsAsync(s => s with { SignPerIpPerMinute = 10000 });
        var id = await site.OpenPetitionAsync();
        Assert.Equal("0", Count(await site.CreateBrowserClient().GetStringAsync($"/petitions/{id}")));
        await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.SignatureCount, 4321)));

        // Commands that change no public page leave the shared page as it was: a moderator letting go of a review,
        // and the per-minute maintenance when nothing is due.
        var staff = await site.LoggedInClientAsync(await site.CreateUserAsync(StandardRoles.Staff), TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/admin/petitions/{id}", $"/admin/petitions/{id}/release", new Dictionary<string, string>())).StatusCode);
        Assert.Equal((0, 0), await Maintenance());
        Assert.Equal("0", Count(await site.CreateBrowserClient().GetStringAsync($"/petitions/{id}")));

        // The maintenance that closes the petition changes its page: the shared page is rendered afresh.
        await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ClosesAt, DateTime.UtcNow.AddMinutes(-1))));
        Assert.Equal(1, (await Maintenance()).Closed);
        Assert.Equal("4,321", Count(await site.CreateBrowserClient().GetStringAsync($"/petitions/{id}")));
    }

    private Task<(int Closed, int Anonymised)> Maintenance() =>
        site.WithServicesAsync(services => services.GetRequiredService<IMediator>().Send(new RunPetitionMaintenance()));

    [Fact]
    public async Task Visitors_switch_language_with_plain_links_that_return_to_the_page()
    {
        var visitor = site.CreateBrowserClient();
        var home = await visitor.GetStringAsync("/petitions?tab=Answered");
        Assert.Contains("href=\"/culture/en?returnUrl=%2Fpetitions%3Ftab%3DAnswered\"", home);
        Assert.DoesNotContain("action=\"/culture\"", home);

        var switched = await visitor.GetAsync("/culture/en?returnUrl=%2Fpetitions%3Ftab%3DAnswered");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/petitions?tab=Answered", switched.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\"", await visitor.GetStringAsync("/petitions?tab=Answered"));

        Assert.Equal("/", (await visitor.GetAsync("/culture/ko?returnUrl=https%3A%2F%2Fevil.example%2F")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync("/culture/fr")).StatusCode);
    }
}
