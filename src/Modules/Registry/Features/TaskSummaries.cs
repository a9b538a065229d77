using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Modules.Registry.Domain;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

internal static class TaskSummaries
{
    public static async Task<IReadOnlyList<TaskSummary>> LoadAsync(SiteDbContext db, IQueryable<PolicyTask> query, IReadOnlyList<ReferenceItem> fields, IReadOnlyList<ReferenceItem> regions, CancellationToken cancellationToken)
    {
        var rows = await query.Select(t => new { t.Id, t.Title, t.Kind, t.Status, t.Progress, t.PolicyFieldId, t.UpdatedAt, Regions = t.Regions.Select(r => r.RegionId).ToList() })
            .ToListAsync(cancellationToken);
        return rows.Select(t => new TaskSummary(t.Id, t.Title, t.Kind, t.Status, t.Progress,
                fields.FirstOrDefault(f => f.Id == t.PolicyFieldId) is { } f ? SiteCultures.Pick(f.NameKo, f.NameEn) : null,
                t.Regions.Select(id => regions.FirstOrDefault(r => r.Id == id) is { } r ? SiteCultures.Pick(r.NameKo, r.NameEn) : "").ToList(),
                t.UpdatedAt))
            .ToList();
    }
}
