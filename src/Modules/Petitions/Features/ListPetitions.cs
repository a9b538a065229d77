using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Settings;
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
        // A search reads every match once, in order, whatever the tab: that one read gives each tab its count,
        // and most petitions end up closed, so reading the table in order is cheaper than looking thousands
        // of rows up through the status indexes.
        if (!searching)
        {
            query = f.Tab switch
            {
                PetitionTab.Open => query.Where(p => p.Status == PetitionStatus.Open && p.ClosesAt > now),
                PetitionTab.Awaiting => query.Where(p => p.Status == PetitionStatus.AwaitingAnswer),
                PetitionTab.Answered => query.Where(p => p.Status == PetitionStatus.Answered),
                PetitionTab.Closed => query.Where(p => p.Status == PetitionStatus.Closed || p.Status == PetitionStatus.Rejected || (p.Status == PetitionStatus.Open && p.ClosesAt <= now)),
                _ => query.Where(p => p.Status == PetitionStatus.Open || p.Status == PetitionStatus.AwaitingAnswer || p.Status == PetitionStatus.Answered
                    || p.Status == PetitionStatus.Closed || p.Status == PetitionStatus.Rejected),
            };
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
            var q = f.Q!.Trim();
            query = query.Where(p => p.Title.Contains(q) || p.Body.Contains(q));
        }

        query = f.Sort switch
        {
            PetitionSort.MostSigned => query.OrderByDescending(p => p.SignatureCount).ThenByDescending(p => p.Id),
            PetitionSort.ClosingSoon => query.OrderBy(p => p.ClosesAt).ThenBy(p => p.Id),
            _ => query.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id),
        };
        Task<List<Row>> Rows(IQueryable<Petition> petitions) => petitions
            .Select(p => new Row(p.Id, p.Title, p.Status, p.PolicyFieldId, p.RegionId, p.SignatureCount, p.DisagreementCount, p.PublishedAt, p.ClosesAt, p.AnsweredAt, p.RejectionReason, p.AnswerKind))
            .ToListAsync(cancellationToken);

        int total;
        List<Row> rows;
        Dictionary<PetitionTab, int>? counts = null;
        if (!searching)
        {
            total = await query.CountAsync(cancellationToken);
            rows = await Rows(query.Skip((f.Page - 1) * f.PageSize).Take(f.PageSize));
        }
        else
        {
            // One read of the matches, in order, serves the counts and the page; unpublished and hidden
            // petitions are in no tab.
            var found = (await query.Select(p => new { p.Id, p.Status, p.ClosesAt }).ToListAsync(cancellationToken))
                .Select(p => (p.Id, Tab: TabOf(p.Status, p.ClosesAt, now))).Where(p => p.Tab is not null).ToList();
            counts = Enum.GetValues<PetitionTab>().ToDictionary(t => t, t => t == PetitionTab.All ? found.Count : found.Count(p => p.Tab == t));
            var matches = found.Where(p => f.Tab == PetitionTab.All || p.Tab == f.Tab).Select(p => p.Id).ToList();
            total = matches.Count;
            var ids = matches.Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToList();
            rows = (await Rows(db.Set<Petition>().AsNoTracking().Where(p => ids.Contains(p.Id)))).OrderBy(r => ids.IndexOf(r.Id)).ToList();
        }

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

    /// <summary>The tab a petition is listed under; none for a petition the public does not see.</summary>
    private static PetitionTab? TabOf(PetitionStatus status, DateTime? closesAt, DateTime now) => status switch
    {
        PetitionStatus.Open => closesAt > now ? PetitionTab.Open : PetitionTab.Closed,
        PetitionStatus.AwaitingAnswer => PetitionTab.Awaiting,
        PetitionStatus.Answered => PetitionTab.Answered,
        PetitionStatus.Closed or PetitionStatus.Rejected => PetitionTab.Closed,
        _ => null,
    };
}
