using CitizenParticipation.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Admin.Features;

/// <summary>The three lists of reference data share one shape (code, Korean and English names, order) and one set of pages.</summary>
public enum ReferenceKind { Regions, PolicyFields, Departments }

public sealed record ReferenceRow
{
    public int Id { get; init; }
    public string Code { get; init; } = "";
    public string NameKo { get; init; } = "";
    public string NameEn { get; init; } = "";
    public int SortOrder { get; init; }
    public RegionKind? RegionKind { get; init; }
}

public sealed record ListReferenceData(ReferenceKind Kind) : IRequest<IReadOnlyList<ReferenceRow>>;

public sealed class ListReferenceDataHandler(SiteDbContext db) : IRequestHandler<ListReferenceData, IReadOnlyList<ReferenceRow>>
{
    public async Task<IReadOnlyList<ReferenceRow>> Handle(ListReferenceData request, CancellationToken cancellationToken) =>
        await ReferenceRows.Of(db, request.Kind).OrderBy(r => r.SortOrder).ThenBy(r => r.Code).ToListAsync(cancellationToken);
}
