using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Core.Text;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <summary>Which petitions a list shows; <see cref="All"/> is every public petition, whatever its state.</summary>
public enum PetitionTab { Open, Awaiting, Answered, Closed, All }

public enum PetitionSort { Newest, MostSigned, ClosingSoon }

public sealed class PetitionFilter
{
    /// <summary>Unset: open petitions when browsing, every public petition when searching.</summary>
    public PetitionTab? Tab { get; set; }
    public PetitionSort Sort { get; set; }
    public string? Field { get; set; }
    public string? Region { get; set; }
    public string? Q { get; set; }
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 10;
}

public sealed record PetitionSummary(
    int Id, string Title, PetitionStatus Status, string? FieldName, string? FieldCode, string? RegionName, string? RegionCode,
    int SignatureCount, int DisagreementCount, DateTime? PublishedAt, DateTime? ClosesAt, DateTime? AnsweredAt, RejectionReason? RejectionReason,
    AnswerKind? AnswerKind = null);

public sealed record Option(string Value, string Text);

/// <param name="TabCounts">When searching, how many petitions match in each tab.</param>
public sealed record PetitionList(PetitionFilter Filter, IReadOnlyList<PetitionSummary> Items, int Total, int AnswerThreshold, IReadOnlyList<Option> Fields, IReadOnlyList<Option> Regions,
    IReadOnlyDictionary<PetitionTab, int>? TabCounts = null)
{
    public PetitionTab Tab => Filter.Tab ?? PetitionTab.Open;

    public int Pages => Math.Max(1, (Total + Filter.PageSize - 1) / Filter.PageSize);
}

public sealed record ListPetitions(PetitionFilter Filter, bool WithOptions = true) : IRequest<PetitionList>;

public sealed class ListPetitionsHandler(SiteDbContext db, TimeProvider clock, ISettings<PetitionSettings> settings, ReferenceDataCache reference) : IRequestHandler<ListPetitions, PetitionList>
{
    public async Task<PetitionList> Handle(ListPetitions request, CancellationToken cancellationToken)
    {
        var f = request.Filter;
        f.PageSize = Math.Clamp(f.PageSize, 1, 100);
        f.Page = Math.Max(1, f.Page);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Set<Petition>().AsNoTracking();
        var searching = !string.IsNullOrWhiteSpace(f.Q);
        f.Tab = f.Tab is { } chosen && Enum.IsDefined(chosen) ? chosen : searching ? PetitionTab.All : PetitionTab.Open;
        // A search counts its matches in every tab before it keeps the chosen one.
        if (searching)
        {
            query = query.Where(Petition.Listed);
        }
        else
        {
            query = InTab(query, f.Tab.Value, now);
        }

        if (!string.IsNullOrWhiteSpace(f.Field))
        {
            var id = (await reference.GetAsync(cancellationToken)).PolicyFields.FirstOrDefault(x => x.Code == f.Field)?.Id ?? -1;
            query = query.Where(p => p.PolicyFieldId == id);
        }

        if (!string.IsNullOrWhiteSpace(f.Region))
        {
            var id = (await reference.GetAsync(cancellationToken)).Regions.FirstOrDefault(x => x.Code == f.Region)?.Id ?? -1;
            query = query.Where(p => p.RegionId == id);
        }

        if (searching)
        {
            // A substring match, so that "버스" finds "마을버스" and "버스정류장": Korean words take particles and compounds.
            // The index narrows the texts to read to those holding every term of the query; a petition not indexed
            // yet is read whole.
            var q = f.Q!.Trim();
            var terms = SearchTerms.Of(q).ToList();
            if (terms.Count > 0)
            {
                // One list of ids, so that the database looks the petitions up by id instead of reading the table.
                var candidates = db.Set<PetitionSearchTerm>().Where(t => terms.Contains(t.Term))
                    .GroupBy(t => t.PetitionId).Where(g => g.Count() == terms.Count).Select(g => g.Key)
                    .Concat(db.Set<Petition>().Where(p => p.SearchIndexVersion < PetitionSearchTerm.Version).Select(p => p.Id));
                query = query.Where(p => candidates.Contains(p.Id));
            }

            query = query.Where(p => p.Title.Contains(q) || p.Body.Contains(q));
        }

        Dictionary<PetitionTab, int>? counts = null;
        int total;
        if (searching)
        {
            // A few rows, one per state: the matches themselves are read only for the page shown.
            var groups = await query.GroupBy(p => new { p.Status, Current = p.ClosesAt != null && p.ClosesAt > now })
                .Select(g => new { g.Key.Status, g.Key.Current, Count = g.Count() }).ToListAsync(cancellationToken);
            counts = Enum.GetValues<PetitionTab>().ToDictionary(t => t, _ => 0);
            foreach (var g in groups)
            {
                counts[TabOf(g.Status, g.Current)] += g.Count;
                counts[PetitionTab.All] += g.Count;
            }

            // Already narrowed to the listed petitions: only a chosen tab narrows further.
            query = f.Tab == PetitionTab.All ? query : InTab(query, f.Tab.Value, now);
            total = counts[f.Tab.Value];
        }
        else
        {
            total = await query.CountAsync(cancellationToken);
        }

        query = f.Sort switch
        {
            PetitionSort.MostSigned => query.OrderByDescending(p => p.SignatureCount).ThenByDescending(p => p.Id),
            PetitionSort.ClosingSoon => query.OrderBy(p => p.ClosesAt).ThenBy(p => p.Id),
            _ => query.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id),
        };
        var rows = await query.Skip((f.Page - 1) * f.PageSize).Take(f.PageSize)
            .Select(p => new Row(p.Id, p.Title, p.Status, p.PolicyFieldId, p.RegionId, p.SignatureCount, p.DisagreementCount, p.PublishedAt, p.ClosesAt, p.AnsweredAt, p.RejectionReason, p.AnswerKind))
            .ToListAsync(cancellationToken);

        var names = await reference.GetAsync(cancellationToken);
        var items = rows.Select(p => new PetitionSummary(p.Id, p.Title, p.Status == PetitionStatus.Open && p.ClosesAt <= now ? PetitionStatus.Closed : p.Status,
            names.PolicyField(p.PolicyFieldId)?.Name, names.PolicyField(p.PolicyFieldId)?.Code, names.Region(p.RegionId)?.Name, names.Region(p.RegionId)?.Code,
            p.SignatureCount, p.DisagreementCount, p.PublishedAt, p.ClosesAt, p.AnsweredAt, p.RejectionReason, p.AnswerKind)).ToList();
        return new PetitionList(f, items, total, (await settings.GetAsync()).AnswerThreshold,
            request.WithOptions ? names.PolicyFields.Select(x => new Option(x.Code, x.Name)).ToList() : [],
            request.WithOptions ? names.Regions.Select(x => new Option(x.Code, x.Name)).ToList() : [], counts);
    }

    private sealed record Row(int Id, string Title, PetitionStatus Status, int? PolicyFieldId, int? RegionId, int SignatureCount, int DisagreementCount,
        DateTime? PublishedAt, DateTime? ClosesAt, DateTime? AnsweredAt, RejectionReason? RejectionReason, AnswerKind? AnswerKind);

    private static IQueryable<Petition> InTab(IQueryable<Petition> query, PetitionTab tab, DateTime now) => tab switch
    {
        PetitionTab.Open => query.Where(p => p.Status == PetitionStatus.Open && p.ClosesAt > now),
        PetitionTab.Awaiting => query.Where(p => p.Status == PetitionStatus.AwaitingAnswer),
        PetitionTab.Answered => query.Where(p => p.Status == PetitionStatus.Answered),
        PetitionTab.Closed => query.Where(p => p.Status == PetitionStatus.Closed || p.Status == PetitionStatus.Rejected || (p.Status == PetitionStatus.Open && !(p.ClosesAt > now))),
        _ => query.Where(Petition.Listed),
    };

    /// <summary>The tab a listed petition is under: an open petition past its closing date is closed.</summary>
    private static PetitionTab TabOf(PetitionStatus status, bool current) => status switch
    {
        PetitionStatus.Open => current ? PetitionTab.Open : PetitionTab.Closed,
        PetitionStatus.AwaitingAnswer => PetitionTab.Awaiting,
        PetitionStatus.Answered => PetitionTab.Answered,
        _ => PetitionTab.Closed,
    };
}
