using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace CitizenParticipation.Core.Maps;

/// <summary>A region's real outline, ready to draw: simplified to what a map of a city can show.</summary>
/// <param name="Geometry">
/// Not written when HybridCache measures the cached list's size as JSON on storing it (the shapes stay in this
/// instance's memory, <see cref="CachedValues.InMemoryFor"/>, and are never read back from JSON).
/// </param>
public sealed record RegionShape(string Code, RegionKind Kind, [property: JsonIgnore] Geometry Geometry);

/// <summary>
/// The uploaded boundaries for the maps, read and simplified once instead of on every page; an upload or removal in
/// this instance shows at once (see <see cref="ICacheInvalidator"/>), other instances see it within a minute.
/// </summary>
public sealed class RegionShapeCache(IServiceScopeFactory scopes, HybridCache cache, TimeProvider clock)
    : GenerationCache<IReadOnlyList<RegionShape>>(cache, clock, TimeSpan.FromMinutes(1))
{
    /// <summary>A thousandth of a shape's size: below a pixel on a map of the whole city.</summary>
    private const double DetailOfSize = 0.001;

    public override bool Watches(object entity) => entity is RegionBoundary or Region;

    protected override async Task<IReadOnlyList<RegionShape>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var rows = await db.Set<RegionBoundary>().AsNoTracking()
            .Join(db.Regions, b => b.RegionId, r => r.Id, (b, r) => new { r.Code, r.Kind, r.SortOrder, b.GeoJson })
            .OrderBy(x => x.SortOrder).ThenBy(x => x.Code)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new RegionShape(x.Code, x.Kind, Simplify(BoundaryGeoJson.ReadStored(x.GeoJson)))).ToList();
    }

    private static Geometry Simplify(Geometry geometry)
    {
        var size = Math.Max(geometry.EnvelopeInternal.Width, geometry.EnvelopeInternal.Height);
        return TopologyPreservingSimplifier.Simplify(geometry, size * DetailOfSize);
    }
}
