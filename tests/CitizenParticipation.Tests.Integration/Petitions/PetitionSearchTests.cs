using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
}
