using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public enum PetitionTab { Open, Awaiting, Answered, Closed }

public enum PetitionSort { Newest, MostSigned, ClosingSoon }

public sealed class PetitionFilter
{
    public PetitionTab Tab { get; set; }
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

public sealed record PetitionList(PetitionFilter Filter, IReadOnlyList<PetitionSummary> Items, int Total, int AnswerThreshold, IReadOnlyList<Option> Fields, IReadOnlyList<Option> Regions)
{
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
        // Most petitions end up closed: searching that tab reads the table once in order, cheaper than
        // looking thousands of rows up through the status indexes; the other tabs are small, and their
        // index narrows the rows whose text is searched.
        var scanAll = searching && f.Tab == PetitionTab.Closed;
        if (!scanAll)
        {
            query = f.Tab switch
            {
                PetitionTab.Open => query.Where(p => p.Status == PetitionStatus.Open && p.ClosesAt > now),
                PetitionTab.Awaiting => query.Where(p => p.Status == PetitionStatus.AwaitingAnswer),
                PetitionTab.Answered => query.Where(p => p.Status == PetitionStatus.Answered),
                _ => query.Where(p => p.Status == PetitionStatus.Closed || p.Status == PetitionStatus.Rejected || (p.Status == PetitionStatus.Open && p.ClosesAt <= now)),
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
        if (!searching)
        {
            total = await query.CountAsync(cancellationToken);
            rows = await Rows(query.Skip((f.Page - 1) * f.PageSize).Take(f.PageSize));
        }
        else
        {
            // One read of the matches, in order, serves both the count and the page (the tab is applied
            // here too, for the closed tab whose rows were not narrowed in the query).
            var matches = (await query.Select(p => new { p.Id, p.Status, p.ClosesAt }).ToListAsync(cancellationToken))
                .Where(p => InTab(f.Tab, p.Status, p.ClosesAt, now)).Select(p => p.Id).ToList();
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
            request.WithOptions ? names.Regions.Select(x => new Option(x.Code, x.Name)).ToList() : []);
    }

    private sealed record Row(int Id, string Title, PetitionStatus Status, int? PolicyFieldId, int? RegionId, int SignatureCount, int DisagreementCount,
        DateTime? PublishedAt, DateTime? ClosesAt, DateTime? AnsweredAt, RejectionReason? RejectionReason, AnswerKind? AnswerKind);

    private static bool InTab(PetitionTab tab, PetitionStatus status, DateTime? closesAt, DateTime now) => tab switch
    {
        PetitionTab.Open => status == PetitionStatus.Open && closesAt > now,
        PetitionTab.Awaiting => status == PetitionStatus.AwaitingAnswer,
        PetitionTab.Answered => status == PetitionStatus.Answered,
        _ => status is PetitionStatus.Closed or PetitionStatus.Rejected || (status == PetitionStatus.Open && closesAt <= now),
    };
}
