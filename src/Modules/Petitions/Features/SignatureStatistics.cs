using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

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
