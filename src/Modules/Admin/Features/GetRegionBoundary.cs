using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Maps;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Admin.Features;

/// <summary>A region and whether it has a real boundary, for its boundary page.</summary>
public sealed record GetRegionBoundary(int RegionId) : IRequest<RegionBoundaryPage?>;

public sealed class GetRegionBoundaryHandler(SiteDbContext db) : IRequestHandler<GetRegionBoundary, RegionBoundaryPage?>
{
    public Task<RegionBoundaryPage?> Handle(GetRegionBoundary request, CancellationToken cancellationToken) =>
        db.Regions.AsNoTracking().Where(r => r.Id == request.RegionId)
            .Select(r => new RegionBoundaryPage(r.Id, r.Code, r.NameKo,
                db.Set<RegionBoundary>().Where(b => b.RegionId == r.Id).Select(b => (int?)b.Vertices).FirstOrDefault(),
                db.Set<RegionBoundary>().Where(b => b.RegionId == r.Id).Select(b => (DateTime?)b.UploadedAt).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
}

public sealed record RegionBoundaryPage(int RegionId, string Code, string NameKo, int? Vertices, DateTime? UploadedAt);
