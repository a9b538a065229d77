using System.Net;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Registry.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Petitions;

public sealed class PetitionDemoTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    [Fact]
    public async Task The_demo_has_petitions_in_every_state_with_counts_equal_to_rows()
    {
        var petitions = await site.WithDbAsync(db => db.Set<Petition>().AsNoTracking().ToListAsync());
        Assert.Equal(13, petitions.Count);
        foreach (var status in new[] { PetitionStatus.CollectingAgreements, PetitionStatus.Open, PetitionStatus.AwaitingAnswer, PetitionStatus.Answered, PetitionStatus.Closed, PetitionStatus.Rejected, PetitionStatus.Hidden, PetitionStatus.PendingModeration })
        {
            Assert.Contains(petitions, p => p.Status == status);
        }

        foreach (var p in petitions)
        {
            Assert.Equal((p.SignatureCount, p.SignatureCount), await site.CountsAsync(p.Id));
        }
    }

    [Fact]
    public async Task The_demo_shows_an_answer_of_every_kind_and_only_commitments_became_tasks()
    {
        var answered = await site.WithDbAsync(db => db.Set<Petition>().AsNoTracking().Where(p => p.Status == PetitionStatus.Answered)
            .Select(p => new { p.Id, p.AnswerKind }).ToListAsync());
        Assert.Equal(Enum.GetValues<AnswerKind>().Order(), answered.Select(a => a.AnswerKind!.Value).Order());
        var visitor = site.CreateBrowserClient();
        var admin = await site.LoggedInClientAsync(DemoAccounts.Administrator, DemoAccounts.Password);
        foreach (var (kind, korean) in new[] { (AnswerKind.UnderReview, "검토 중"), (AnswerKind.NotPossible, "수용 곤란") })
        {
            var id = answered.Single(a => a.AnswerKind == kind).Id;
            var page = await visitor.GetHtmlAsync($"/petitions/{id}");
            Assert.Contains($"<p id=\"answer-kind\">처리 결과: <span class=\"pt-status\">{korean}</span></p>", page);
            Assert.Matches($@"<li>[^<]*· 답변 공개: {korean}</li>\s*</ol>", page);
            Assert.Matches($@"<li>[^<]*· 답변 공개: {korean}\s+· [^<]+</li>", await admin.GetHtmlAsync($"/admin/petitions/{id}"));
            Assert.False(await site.WithDbAsync(db => db.Set<ReceivedOutcome>().AnyAsync(o => o.Origin == OutcomeOrigin.Petition && o.OriginId == id.ToString())));
        }
    }

    [Fact]
    public async Task Petition_pages_in_Korean_use_no_untranslated_text()
    {
        var catalog = site.Services.GetRequiredService<TranslationCatalog>();
        catalog.Missing.Clear();
        var answered = await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Status == PetitionStatus.Answered).Select(p => p.Id).FirstAsync());
        var pending = await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Status == PetitionStatus.PendingModeration).Select(p => p.Id).FirstAsync());
        var anonymous = site.CreateBrowserClient();
        foreach (var page in new[] { "/petitions", "/petitions?tab=Closed", "/petitions?tab=Answered&sort=MostSigned", $"/petitions/{answered}", "/petitions/feed.atom" })
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(page)).StatusCode);
        }

        var citizen = await site.LoggedInClientAsync(DemoAccounts.Citizen, DemoAccounts.Password);
        foreach (var page in new[] { "/petitions/new", "/petitions/mine", $"/petitions/{answered}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(page)).StatusCode);
        }

        var admin = await site.LoggedInClientAsync(DemoAccounts.Administrator, DemoAccounts.Password);
        foreach (var page in new[] { "/admin/petitions", $"/admin/petitions/{pending}", $"/admin/petitions/{answered}", $"/admin/petitions/{answered}/signatures", "/admin/petitions/settings" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).StatusCode);
        }

        var missing = catalog.Missing.Keys.Where(k => k.Culture == "ko").Select(k => k.Text).Order().ToList();
        Assert.True(missing.Count == 0, "Texts without a Korean translation:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Search_finds_a_Korean_word_inside_longer_words()
    {
        var json = await site.CreateBrowserClient().GetStringAsync("/api/petitions?q=" + Uri.EscapeDataString("막차"));
        Assert.Contains("인천 1호선 막차 시간을 30분 연장해 주세요", json);
        var html = await site.CreateBrowserClient().GetStringAsync("/petitions?q=" + Uri.EscapeDataString("반려견"));
        Assert.Contains("송도 센트럴파크 반려견 놀이터", html);
    }
}
