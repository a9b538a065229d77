using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Core.Text;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

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
    int SignatureCount, int DisagreementCount, DateTime? PublishedAt, DateTime? ClosesAt, DateTime? AnsweredAt, RejectionReason? RejectionReason);

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
            .Select(p => new Row(p.Id, p.Title, p.Status, p.PolicyFieldId, p.RegionId, p.SignatureCount, p.DisagreementCount, p.PublishedAt, p.ClosesAt, p.AnsweredAt, p.RejectionReason))
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
            p.SignatureCount, p.DisagreementCount, p.PublishedAt, p.ClosesAt, p.AnsweredAt, p.RejectionReason)).ToList();
        return new PetitionList(f, items, total, (await settings.GetAsync()).AnswerThreshold,
            request.WithOptions ? names.PolicyFields.Select(x => new Option(x.Code, x.Name)).ToList() : [],
            request.WithOptions ? names.Regions.Select(x => new Option(x.Code, x.Name)).ToList() : []);
    }

    private sealed record Row(int Id, string Title, PetitionStatus Status, int? PolicyFieldId, int? RegionId, int SignatureCount, int DisagreementCount,
        DateTime? PublishedAt, DateTime? ClosesAt, DateTime? AnsweredAt, RejectionReason? RejectionReason);

    private static bool InTab(PetitionTab tab, PetitionStatus status, DateTime? closesAt, DateTime now) => tab switch
    {
        PetitionTab.Open => status == PetitionStatus.Open && closesAt > now,
        PetitionTab.Awaiting => status == PetitionStatus.AwaitingAnswer,
        PetitionTab.Answered => status == PetitionStatus.Answered,
        _ => status is PetitionStatus.Closed or PetitionStatus.Rejected || (status == PetitionStatus.Open && closesAt <= now),
    };
}

public sealed record DayCount(DateOnly Day, int Count);
public sealed record RegionCount(string? Code, string Name, int Count);
public sealed record RecentSigner(string MaskedName, string? Comment, DateTime At);

public sealed record PetitionPage(
    int Id, string Title, string Body, PetitionStatus Status, string AuthorName, string? FieldName, string? FieldCode, string? RegionName, string? RegionCode,
    DateTime? PublishedAt, DateTime? ClosesAt, DateTime? ClosedAt, int SignatureCount, int DisagreementCount, int AnswerThreshold, bool DisagreementEnabled,
    DateTime? ThresholdReachedAt, DateTime? AnswerDueAt, DateTime? AgendaProposedAt, RejectionReason? RejectionReason, string? RejectionNote,
    string? AnswerText, string? AnswerVideoUrl, string? AnsweringOfficial, string? AnsweringDepartment, DateTime? AnsweredAt, int? LinkedTaskId,
    IReadOnlyList<DayCount> ByDay, IReadOnlyList<RecentSigner> RecentSigners, SignatureKind? MySignature, bool AcceptsSignatures)
{
    public int DaysLeft(DateTime now) => ClosesAt is { } c && c > now ? (int)Math.Ceiling((c - now).TotalDays) : 0;
}

public sealed record GetPetitionPage(int Id, Guid? ViewerId) : IRequest<PetitionPage?>;

public sealed class GetPetitionPageHandler(SiteDbContext db, TimeProvider clock, ISettings<PetitionSettings> settingsCache, IMemoryCache cache, ReferenceDataCache reference) : IRequestHandler<GetPetitionPage, PetitionPage?>
{
    public async Task<PetitionPage?> Handle(GetPetitionPage request, CancellationToken cancellationToken)
    {
        var p = await db.Set<Petition>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.Id, cancellationToken);
        if (p is null || !p.IsPublic)
        {
            return null;
        }

        var settings = await settingsCache.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var names = await reference.GetAsync(cancellationToken);
        var signatures = db.Set<PetitionSignature>().AsNoTracking().Where(s => s.PetitionId == p.Id && s.InvalidationId == null);
        var recent = await signatures.Where(s => s.Kind == SignatureKind.Agree).OrderByDescending(s => s.Id).Take(10)
            .Select(s => new { s.SignerName, s.Comment, s.CreatedAt }).ToListAsync(cancellationToken);
        SignatureKind? mine = request.ViewerId is { } viewer
            ? await signatures.Where(s => s.UserId == viewer).Select(s => (SignatureKind?)s.Kind).FirstOrDefaultAsync(cancellationToken)
            : null;
        // A hot petition has many rows: the series is shared for a minute, the counts themselves are live.
        var byDay = await cache.GetOrCreateAsync($"petitions:by-day:{p.Id}", e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return SignatureStatistics.ByDayAsync(db, p.Id, cancellationToken);
        }) ?? [];
        var status = p.Status == PetitionStatus.Open && p.ClosesAt <= now ? PetitionStatus.Closed : p.Status;
        return new PetitionPage(p.Id, p.Title, p.Body, status, NameMasking.Mask(p.AuthorName),
            names.PolicyField(p.PolicyFieldId)?.Name, names.PolicyField(p.PolicyFieldId)?.Code, names.Region(p.RegionId)?.Name, names.Region(p.RegionId)?.Code,
            p.PublishedAt, p.ClosesAt, p.ClosedAt, p.SignatureCount, p.DisagreementCount, settings.AnswerThreshold, settings.DisagreementEnabled,
            p.ThresholdReachedAt, p.AnswerDueAt, p.AgendaProposedAt, p.RejectionReason, p.RejectionNote,
            p.AnswerText, p.AnswerVideoUrl, p.AnsweringOfficial, names.Department(p.AnsweringDepartmentId)?.Name, p.AnsweredAt, p.LinkedTaskId,
            byDay, recent.Select(r => new RecentSigner(NameMasking.Mask(r.SignerName), r.Comment, r.CreatedAt)).ToList(), mine, p.AcceptsSignatures(now));
    }
}

/// <summary>A petition's page for open data, with its signatures counted by region.</summary>
public sealed record GetPetitionOpenData(int Id) : IRequest<(PetitionPage Page, IReadOnlyList<RegionCount> ByRegion)?>;

public sealed class GetPetitionOpenDataHandler(SiteDbContext db, IMediator mediator, ReferenceDataCache reference)
    : IRequestHandler<GetPetitionOpenData, (PetitionPage Page, IReadOnlyList<RegionCount> ByRegion)?>
{
    public async Task<(PetitionPage Page, IReadOnlyList<RegionCount> ByRegion)?> Handle(GetPetitionOpenData request, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetPetitionPage(request.Id, null), cancellationToken) is not { } page)
        {
            return null;
        }

        return (page, await SignatureStatistics.ByRegionAsync(db, page.Id, await reference.GetAsync(cancellationToken), cancellationToken));
    }
}

public sealed record PetitionCounts(int Id, int Signatures, int Disagreements, PetitionStatus Status);

/// <summary>The small answer the petition page polls for its live count.</summary>
public sealed record GetPetitionCounts(int Id) : IRequest<PetitionCounts?>;

public sealed class GetPetitionCountsHandler(SiteDbContext db) : IRequestHandler<GetPetitionCounts, PetitionCounts?>
{
    public async Task<PetitionCounts?> Handle(GetPetitionCounts request, CancellationToken cancellationToken)
    {
        var c = await db.Set<Petition>().AsNoTracking().Where(p => p.Id == request.Id)
            .Select(p => new { p.Id, p.SignatureCount, p.DisagreementCount, p.Status }).FirstOrDefaultAsync(cancellationToken);
        return c is null || !Petition.IsPublicStatus(c.Status)
            ? null
            : new PetitionCounts(c.Id, c.SignatureCount, c.DisagreementCount, c.Status);
    }
}

public static class SignatureStatistics
{
    /// <summary>Valid 동의 per day (UTC+9, the day a Korean reader sees).</summary>
    public static async Task<IReadOnlyList<DayCount>> ByDayAsync(SiteDbContext db, int petitionId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<PetitionSignature>().AsNoTracking()
            .Where(s => s.PetitionId == petitionId && s.InvalidationId == null && s.Kind == SignatureKind.Agree)
            .GroupBy(s => s.CreatedAt.AddHours(9).Date).Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Day).Select(r => new DayCount(DateOnly.FromDateTime(r.Day), r.Count)).ToList();
    }

    public static async Task<IReadOnlyList<RegionCount>> ByRegionAsync(SiteDbContext db, int petitionId, ReferenceData names, CancellationToken cancellationToken)
    {
        var rows = await db.Set<PetitionSignature>().AsNoTracking()
            .Where(s => s.PetitionId == petitionId && s.InvalidationId == null && s.Kind == SignatureKind.Agree)
            .GroupBy(s => s.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.Select(r => new RegionCount(names.Region(r.Key)?.Code, names.Region(r.Key)?.Name ?? "", r.Count)).OrderByDescending(r => r.Count).ToList();
    }
}

public sealed record PetitionFormOptions(IReadOnlyList<Option> Fields, IReadOnlyList<Option> Regions, IReadOnlyList<Option> Departments);

/// <summary>Choices for the petition and answer forms, by id.</summary>
public sealed record GetPetitionFormOptions : IRequest<PetitionFormOptions>;

public sealed class GetPetitionFormOptionsHandler(ReferenceDataCache reference) : IRequestHandler<GetPetitionFormOptions, PetitionFormOptions>
{
    public async Task<PetitionFormOptions> Handle(GetPetitionFormOptions request, CancellationToken cancellationToken)
    {
        var names = await reference.GetAsync(cancellationToken);
        static List<Option> Of(IEnumerable<ReferenceItem> items) =>
            items.Select(x => new Option(x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name)).ToList();
        return new PetitionFormOptions(Of(names.PolicyFields), Of(names.Regions), Of(names.Departments));
    }
}
