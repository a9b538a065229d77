using CitizenParticipation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Core.Maps;

/// <summary>
/// A region's real outline, uploaded by an administrator as GeoJSON and checked by <see cref="BoundaryGeoJson"/>.
/// Kept beside the region rather than in it, so that the reference data every page reads stays small.
/// </summary>
public sealed class RegionBoundary
{
    public int RegionId { get; set; }

    /// <summary>The Polygon or MultiPolygon alone, as GeoJSON in WGS84 longitude/latitude.</summary>
    public string GeoJson { get; set; } = "";

    public int Vertices { get; set; }

    public DateTime UploadedAt { get; set; }

    internal static void Configure(ModelBuilder builder) => builder.Entity<RegionBoundary>(e =>
    {
        e.ToTable("RegionBoundaries");
        e.HasKey(b => b.RegionId);
        e.HasOne<Region>().WithOne().HasForeignKey<RegionBoundary>(b => b.RegionId).OnDelete(DeleteBehavior.Cascade);
    });
}
