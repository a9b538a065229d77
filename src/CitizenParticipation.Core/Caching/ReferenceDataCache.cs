using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Core.Caching;

/// <summary>A region, policy field or department; <see cref="Kind"/> is a region's.</summary>
public sealed record ReferenceItem(int Id, string Code, string NameKo, string NameEn, RegionKind? Kind = null)
{
    /// <summary>The name in the current culture.</summary>
    public string Name => SiteCultures.Pick(NameKo, NameEn);
}

/// <summary>Regions, policy fields and departments in their display order.</summary>
public sealed record ReferenceData(IReadOnlyList<ReferenceItem> Regions, IReadOnlyList<ReferenceItem> PolicyFields, IReadOnlyList<ReferenceItem> Departments)
{
    public ReferenceItem? Region(int? id) => id is null ? null : Regions.FirstOrDefault(x => x.Id == id);

    public ReferenceItem? PolicyField(int? id) => id is null ? null : PolicyFields.FirstOrDefault(x => x.Id == id);

    public ReferenceItem? Department(int? id) => id is null ? null : Departments.FirstOrDefault(x => x.Id == id);
}

/// <summary>
/// The reference data almost every public page names, read once a minute instead of on every request;
/// saved changes in this instance show at once (see <see cref="ICacheInvalidator"/>).
/// </summary>
public sealed class ReferenceDataCache(IServiceScopeFactory scopes, HybridCache cache, TimeProvider clock)
    : GenerationCache<ReferenceData>(cache, clock, TimeSpan.FromMinutes(1))
{
    public override bool Watches(object entity) => entity is Region or PolicyField or Department;

    protected override async Task<ReferenceData> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var regions = await db.Regions.AsNoTracking().OrderBy(x => x.SortOrder).ThenBy(x => x.Id)
            .Select(x => new ReferenceItem(x.Id, x.Code, x.NameKo, x.NameEn, x.Kind)).ToListAsync(cancellationToken);
        var fields = await db.PolicyFields.AsNoTracking().OrderBy(x => x.SortOrder).ThenBy(x => x.Id)
            .Select(x => new ReferenceItem(x.Id, x.Code, x.NameKo, x.NameEn)).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().OrderBy(x => x.SortOrder).ThenBy(x => x.Id)
            .Select(x => new ReferenceItem(x.Id, x.Code, x.NameKo, x.NameEn)).ToListAsync(cancellationToken);
        return new ReferenceData(regions, fields, departments);
    }
}
