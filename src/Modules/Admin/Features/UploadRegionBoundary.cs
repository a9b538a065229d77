using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Maps;
using CitizenParticipation.Core.Mediation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NetTopologySuite.Geometries;

namespace CitizenParticipation.Modules.Admin.Features;

/// <summary>Stores a region's real boundary from an uploaded GeoJSON file (UTF-8 bytes), replacing any earlier one.</summary>
public sealed record UploadRegionBoundary(int RegionId, byte[] Content) : ICommand<int>;

public sealed class UploadRegionBoundaryHandler(SiteDbContext db, TimeProvider clock, IStringLocalizer<UploadRegionBoundary> t)
    : IRequestHandler<UploadRegionBoundary, int>
{
    public async Task<int> Handle(UploadRegionBoundary request, CancellationToken cancellationToken)
    {
        Geometry geometry;
        try
        {
            geometry = BoundaryGeoJson.Read(request.Content);
        }
        catch (BoundaryRefusedException ex)
        {
            throw new RequestValidationException("File", t[ex.Message]);
        }

        if (!await db.Regions.AnyAsync(r => r.Id == request.RegionId, cancellationToken))
        {
            throw new RequestValidationException("", t["The item no longer exists."]);
        }

        var boundary = await db.Set<RegionBoundary>().FindAsync([request.RegionId], cancellationToken);
        if (boundary is null)
        {
            boundary = new RegionBoundary { RegionId = request.RegionId };
            db.Add(boundary);
        }

        boundary.GeoJson = BoundaryGeoJson.Write(geometry);
        boundary.Vertices = geometry.NumPoints;
        boundary.UploadedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return boundary.Vertices;
    }
}
