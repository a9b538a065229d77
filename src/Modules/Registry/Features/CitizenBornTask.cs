using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

internal static class CitizenBornTask
{
    public static async Task<PolicyTask> CreateAsync(SiteDbContext db, ReceivedOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        var task = new PolicyTask(outcome.Title, PolicyTaskKind.CitizenBorn, now);
        var fieldId = outcome.PolicyFieldCode is { } fieldCode
            ? await db.PolicyFields.Where(f => f.Code == fieldCode).Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        var regionId = outcome.RegionCode is { } regionCode
            ? await db.Regions.Where(r => r.Code == regionCode).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        regionId ??= await db.Regions.Where(r => r.Kind == RegionKind.City).OrderBy(r => r.SortOrder).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken)
                     ?? await db.Regions.OrderBy(r => r.SortOrder).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        task.Describe(outcome.Summary, fieldId, null, null, isPublic: true, now);
        task.Schedule(DateOnly.FromDateTime(outcome.DecidedAt), null);
        if (regionId is not null)
        {
            task.SetRegions([regionId.Value]);
        }

        db.Add(task);
        return task;
    }
}
