using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Text;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <summary>
/// Writes the search index of public petitions not yet indexed (or indexed by an older <see cref="PetitionSearchTerm.Version"/>),
/// one batch per command: the background maintenance sends it until it answers 0. A public petition's text no
/// longer changes, so its entries stay right; until they are written, a search reads that petition's text instead.
/// </summary>
public sealed record IndexPetitionSearch : ICommand<int>;

public sealed class IndexPetitionSearchHandler(SiteDbContext db) : IRequestHandler<IndexPetitionSearch, int>
{
    private const int MaxPetitions = 200;

    /// <summary>About this many entries per batch: one transaction holds SQLite's single writer, and signing waits for it.</summary>
    private const int MaxTerms = 5000;

    public async Task<int> Handle(IndexPetitionSearch request, CancellationToken cancellationToken)
    {
        var due = await db.Set<Petition>().AsNoTracking()
            .Where(Petition.Listed).Where(p => p.SearchIndexVersion < PetitionSearchTerm.Version)
            .OrderBy(p => p.Id).Take(MaxPetitions)
            .Select(p => new { p.Id, p.Title, p.Body })
            .ToListAsync(cancellationToken);
        var ids = new List<int>();
        var entries = new List<PetitionSearchTerm>();
        foreach (var petition in due)
        {
            var terms = SearchTerms.Of(petition.Title + "\n" + petition.Body);
            if (ids.Count > 0 && entries.Count + terms.Count > MaxTerms)
            {
                break;
            }

            ids.Add(petition.Id);
            entries.AddRange(terms.Select(t => new PetitionSearchTerm { Term = t, PetitionId = petition.Id }));
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        await db.Set<PetitionSearchTerm>().Where(t => ids.Contains(t.PetitionId)).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<Petition>().Where(p => ids.Contains(p.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.SearchIndexVersion, PetitionSearchTerm.Version), cancellationToken);
        return ids.Count;
    }
}
