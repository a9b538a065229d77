using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using CitizenParticipation.Tests.Integration.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Petitions;

public sealed class PetitionSearchTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Search_looks_across_every_tab_narrows_to_a_chosen_tab_and_never_shows_hidden_or_unpublished_petitions()
    {
        var word = "가로등" + Guid.NewGuid().ToString("N")[..4];
        var open = await site.OpenPetitionAsync($"골목 {word} 설치");
        var closed = await site.OpenPetitionAsync($"{word}을 밝게");
        var expired = await site.OpenPetitionAsync($"공원 {word} 교체");
        var hidden = await site.OpenPetitionAsync($"{word} 광고");
        var past = DateTime.UtcNow.AddDays(-1);
        await site.WithDbAsync(async db =>
        {
            var petitions = db.Set<Petition>();
            await petitions.Where(p => p.Id == closed).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PetitionStatus.Closed).SetProperty(p => p.ClosesAt, past).SetProperty(p => p.ClosedAt, past));
            // Open but past its closing date, before the maintenance service closes it: shown as closed.
            await petitions.Where(p => p.Id == expired).ExecuteUpdateAsync(u => u.SetProperty(p => p.ClosesAt, past));
            return await petitions.Where(p => p.Id == hidden).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PetitionStatus.Hidden));
        });
        var visitor = site.CreateBrowserClient();

        var everywhere = await visitor.GetStringAsync("/petitions?q=" + Uri.EscapeDataString(word));
        Assert.Contains($"/petitions/{open}\"", everywhere);
        Assert.Contains($"/petitions/{closed}\"", everywhere);
        Assert.Contains($"/petitions/{expired}\"", everywhere);
        Assert.DoesNotContain($"/petitions/{hidden}\"", everywhere);

        var openTab = await visitor.GetStringAsync("/petitions?tab=Open&q=" + Uri.EscapeDataString(word));
        Assert.Contains($"/petitions/{open}\"", openTab);
        Assert.DoesNotContain($"/petitions/{closed}\"", openTab);
        Assert.DoesNotContain($"/petitions/{expired}\"", openTab);
        Assert.DoesNotContain($"/petitions/{hidden}\"", openTab);

        var closedTab = await visitor.GetStringAsync("/petitions?tab=Closed&q=" + Uri.EscapeDataString(word));
        Assert.Contains($"/petitions/{closed}\"", closedTab);
        Assert.Contains($"/petitions/{expired}\"", closedTab);
        Assert.DoesNotContain($"/petitions/{open}\"", closedTab);
        Assert.DoesNotContain($"/petitions/{hidden}\"", closedTab);

        // Most signed first within the search, as without one.
        await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == expired).ExecuteUpdateAsync(u => u.SetProperty(p => p.SignatureCount, 50)));
        var sorted = await visitor.GetStringAsync("/petitions?tab=Closed&sort=MostSigned&q=" + Uri.EscapeDataString(word));
        Assert.True(sorted.IndexOf($"/petitions/{expired}\"", StringComparison.Ordinal) < sorted.IndexOf($"/petitions/{closed}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_search_index_decides_which_indexed_texts_are_read_and_a_petition_not_yet_indexed_is_read_whole()
    {
        var compound = await site.OpenPetitionAsync("마을버스가 너무 늦게 와요", "배차 간격을 줄여 주세요. 출근 시간에 삼십 분을 기다립니다.");
        var inBody = await site.OpenPetitionAsync("정류장 의자 설치", "겨울에 버스정류장에서 기다리기 너무 춥습니다. 온열 의자를 놓아 주세요.");
        var apart = await site.OpenPetitionAsync("버 스 노선 글자 사이", "띄어 쓴 글자는 붙은 낱말이 아닙니다. 검색 시험용 청원입니다.");
        var latin = await site.OpenPetitionAsync("Night BUS route", "Late buses for shift workers, please, every night.");
        await site.WithScopeAsync(async services =>
        {
            var mediator = services.GetRequiredService<IMediator>();
            while (await mediator.Send(new IndexPetitionSearch()) > 0)
            {
            }
        });
        var (entries, versions) = await site.WithDbAsync(async db => (
            await db.Set<PetitionSearchTerm>().Where(t => t.PetitionId == compound).Select(t => t.Term).ToListAsync(),
            await db.Set<Petition>().Where(p => p.Id == compound || p.Id == latin).Select(p => p.SearchIndexVersion).ToListAsync()));
        Assert.Contains("버스", entries);
        Assert.Contains("을버", entries);
        Assert.All(versions, v => Assert.Equal(PetitionSearchTerm.Version, v));

        // Logged in: the list is rendered for each request, not served from the public page cache.
        var signedIn = await site.LoggedInClientAsync(SiteFactory.AdminEmail, SiteFactory.AdminPassword);
        async Task<string> Search(string q) => await signedIn.GetStringAsync("/petitions?q=" + Uri.EscapeDataString(q));
        var bus = await Search("버스");
        Assert.Contains($"/petitions/{compound}\"", bus);
        Assert.Contains($"/petitions/{inBody}\"", bus);
        Assert.DoesNotContain($"/petitions/{apart}\"", bus);
        // The index is in lower case; the text decides: "BUS" is in the title, "buses" in the body.
        Assert.Contains($"/petitions/{latin}\"", await Search("BUS"));
        Assert.Contains($"/petitions/{latin}\"", await Search("buses"));
        // A one-letter query has no pair to look up: every text is read.
        Assert.Contains($"/petitions/{apart}\"", await Search("스"));

        // Without its entry, an indexed petition is not read at all ...
        await site.WithDbAsync(db => db.Set<PetitionSearchTerm>().Where(t => t.PetitionId == compound && t.Term == "버스").ExecuteDeleteAsync());
        Assert.DoesNotContain($"/petitions/{compound}\"", await Search("버스"));
        Assert.Contains($"/petitions/{inBody}\"", await Search("버스"));
        // ... and one not indexed (yet, or by an older version) is read whole.
        await site.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == compound).ExecuteUpdateAsync(u => u.SetProperty(p => p.SearchIndexVersion, 0)));
        Assert.Contains($"/petitions/{compound}\"", await Search("버스"));
    }
}
