using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Paging;
using MediatR;

namespace CitizenParticipation.Modules.Admin.Features;

/// <summary>The three lists of reference data share one shape (code, Korean and English names, order) and one set of pages.</summary>
public enum ReferenceKind { Regions, PolicyFields, Departments }

public enum ReferenceSort { Order, Code, KoreanName, EnglishName }

public sealed record ReferenceRow
{
    public int Id { get; init; }
    public string Code { get; init; } = "";
    public string NameKo { get; init; } = "";
    public string NameEn { get; init; } = "";
    public int SortOrder { get; init; }
    public RegionKind? RegionKind { get; init; }
}

public sealed record ReferenceList(IReadOnlyList<ReferenceRow> Rows, ListPage Page, ListSort Sort, string? Search, bool SortChosen);

/// <summary>One list's query string: <c>?q=부평&amp;sort=Code&amp;dir=desc&amp;page=2</c>; the search finds a part of the code or of either name.</summary>
public sealed record ListReferenceData(ReferenceKind Kind, string? Search = null, ReferenceSort? Sort = null, SortDirection? Dir = null, int Page = 1) : IRequest<ReferenceList>;

public sealed class ListReferenceDataHandler(SiteDbContext db) : IRequestHandler<ListReferenceData, ReferenceList>
{
    public async Task<ReferenceList> Handle(ListReferenceData request, CancellationToken cancellationToken)
    {
        var rows = ReferenceRows.Of(db, request.Kind);
        var search = request.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var lower = search.ToLowerInvariant();
            rows = rows.Where(r => r.Code.ToLower().Contains(lower) || r.NameKo.Contains(search) || r.NameEn.ToLower().Contains(lower));
        }

        var column = request.Sort ?? ReferenceSort.Order;
        var sort = new ListSort(column.ToString(), request.Dir ?? SortDirection.Asc);
        var ordered = column switch
        {
            ReferenceSort.Code => rows.OrderBy(r => r.Code, sort).ThenBy(r => r.Id),
            ReferenceSort.KoreanName => rows.OrderBy(r => r.NameKo, sort).ThenBy(r => r.Code, sort).ThenBy(r => r.Id),
            ReferenceSort.EnglishName => rows.OrderBy(r => r.NameEn, sort).ThenBy(r => r.Code, sort).ThenBy(r => r.Id),
            _ => rows.OrderBy(r => r.SortOrder, sort).ThenBy(r => r.Code, sort).ThenBy(r => r.Id),
        };
        var (found, page) = await ordered.ToListPageAsync(request.Page, cancellationToken);
        return new ReferenceList(found, page, sort, search, request.Sort is not null);
    }
}
