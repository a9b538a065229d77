using System.Globalization;
using System.Net;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Services;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Petitions;

/// <summary>The petition settings as one validated, cached document, through the admin's form and across instances.</summary>
public sealed class PetitionSettingsTests(ClockedSiteFactory site) : IClassFixture<ClockedSiteFactory>
{
    private const string Page = "/admin/petitions/settings";

    private static Dictionary<string, string> Form(PetitionSettings s)
    {
        string N(int v) => v.ToString(CultureInfo.InvariantCulture);
        return new()
        {
            ["PriorAgreements"] = N(s.PriorAgreements), ["PreModeration"] = s.PreModeration ? "true" : "false",
            ["SigningDays"] = N(s.SigningDays), ["AnswerThreshold"] = N(s.AnswerThreshold), ["AgendaThreshold"] = N(s.AgendaThreshold),
            ["AnswerDueDays"] = N(s.AnswerDueDays), ["DisagreementEnabled"] = s.DisagreementEnabled ? "true" : "false",
            ["RequiredVerification"] = s.RequiredVerification.ToString(), ["RetentionDays"] = N(s.RetentionDays),
            ["SignPerIpPerMinute"] = N(s.SignPerIpPerMinute), ["SignPerAccountPerMinute"] = N(s.SignPerAccountPerMinute),
            ["CreatePerIpPerHour"] = N(s.CreatePerIpPerHour), ["CreatePerAccountPerHour"] = N(s.CreatePerAccountPerHour),
        };
    }

    private static Task<PetitionSettings> StoredAsync(SiteFactory on) =>
        on.WithServicesAsync(s => s.GetRequiredService<SiteSettingsService>().ReadAsync<PetitionSettings>());

    private static async Task<PetitionSettings> InMemoryAsync(SiteFactory on) =>
        await on.Services.GetRequiredService<ISettings<PetitionSettings>>().GetAsync();

    [Fact]
    public async Task Saved_settings_are_stored_as_one_document_and_shown_on_the_form()
    {
        var client = await site.AdminClientAsync();
        var changed = await StoredAsync(site) with
        {
            AnswerThreshold = 4321, SigningDays = 21, DisagreementEnabled = true,
            RequiredVerification = VerificationLevel.ResidentVerified, CreatePerAccountPerHour = 7,
        };

        var response = await client.PostFormAsync(Page, Page, Form(changed));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(changed, await StoredAsync(site));
        Assert.Equal(changed, await InMemoryAsync(site));
        var rows = await site.WithDbAsync(db => db.SiteSettings.AsNoTracking().Where(r => r.Key.StartsWith("Petitions")).Select(r => r.Key).ToListAsync());
        Assert.Equal(["Petitions"], rows);
        var page = await client.GetHtmlAsync(Page);
        Assert.Contains("value=\"4321\"", page);
        Assert.Contains("공식 답변 기준 동의 수", page);
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_their_reasons_on_the_kept_form_and_nothing_is_saved()
    {
        var client = await site.AdminClientAsync();
        var before = await StoredAsync(site);
        var form = Form(before);
        form["SigningDays"] = "0";
        form["AnswerThreshold"] = "4444";

        var response = await client.PostFormAsync(Page, Page, form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("동의 기간(일)은(는) 1에서 365 사이여야 합니다.", html);
        Assert.Contains("value=\"4444\"", html);
        Assert.Equal(before, await StoredAsync(site));
        Assert.Equal(before, await InMemoryAsync(site));
    }

    [Fact]
    public async Task Invalid_settings_saved_by_code_are_refused_too()
    {
        var before = await StoredAsync(site);

        var refused = await Assert.ThrowsAsync<Core.Mediation.RequestValidationException>(() =>
            site.SetPetitionSettingsAsync(s => s with { RetentionDays = 0, SignPerIpPerMinute = -1 }));

        Assert.Equal(["RetentionDays", "SignPerIpPerMinute"], refused.Failures.Select(f => f.Field).Order());
        Assert.Equal(before, await StoredAsync(site));
    }

    [Fact]
    public async Task Opening_the_settings_page_changes_nothing_and_another_instance_sees_a_save_within_the_documents_lifetime()
    {
        var before = await InMemoryAsync(site);
        using var other = new SharedDatabaseSiteFactory(site);
        var otherAdmin = await other.AdminClientAsync();
        var saved = before with { AnswerThreshold = before.AnswerThreshold + 1 };

        Assert.Equal(HttpStatusCode.Redirect, (await otherAdmin.PostFormAsync(Page, Page, Form(saved))).StatusCode);
        Assert.Equal(saved, await InMemoryAsync(other));

        // This instance's page is a read: it neither writes nor drops what this instance holds in memory.
        var admin = await site.AdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Page)).StatusCode);
        Assert.Equal(before, await InMemoryAsync(site));

        site.Clock.Advance(SettingsDocument<PetitionSettings>.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(saved, await InMemoryAsync(site));
    }

    [Fact]
    public async Task A_database_with_the_settings_of_the_first_releases_keeps_their_values()
    {
        // Exactly as the first releases stored them: one row per setting (SigningDays unreadable, so its default).
        string[] old =
        [
            "Petitions.AnswerThreshold=1234", "Petitions.PreModeration=false", "Petitions.RequiredVerification=ResidentVerified",
            "Petitions.SigningDays=abc", "Petitions.RetentionDays=90", "Site.NameKo=옛 시민참여", "Site.NameEn=Old Participation",
            "Site.ContactEmail=old@test.example", "Site.RegistrationOpen=false",
        ];
        using var first = new SiteFactory();
        await first.WithDbAsync(async db =>
        {
            await db.SiteSettings.Where(s => s.Key == "Petitions" || s.Key == "Site").ExecuteDeleteAsync();
            db.SiteSettings.AddRange(old.Select(o => o.Split('=')).Select(kv => new SiteSetting { Key = kv[0], Value = kv[1] }));
            return await db.SaveChangesAsync();
        });

        using var upgraded = new SharedDatabaseSiteFactory(first);
        var petitions = await StoredAsync(upgraded);
        var siteSettings = await upgraded.WithServicesAsync(s => s.GetRequiredService<SiteSettingsService>().ReadAsync<SiteSettingsValues>());

        Assert.Equal(new PetitionSettings { AnswerThreshold = 1234, PreModeration = false, RequiredVerification = VerificationLevel.ResidentVerified, RetentionDays = 90 }, petitions);
        Assert.Equal(new SiteSettingsValues { SiteNameKo = "옛 시민참여", SiteNameEn = "Old Participation", ContactEmail = "old@test.example", RegistrationOpen = false }, siteSettings);
        // The old rows stay for instances of the previous release that run until the upgrade is complete.
        var keys = await upgraded.WithDbAsync(db => db.SiteSettings.AsNoTracking().Select(s => s.Key).ToListAsync());
        string[] expected = ["Petitions", "Setup.CompletedWith", "Site", .. old.Select(o => o.Split('=')[0])];
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.Contains("옛 시민참여", await upgraded.CreateClient().GetStringAsync("/"));
    }
}
