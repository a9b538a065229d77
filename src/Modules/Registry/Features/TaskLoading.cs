using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

internal static class TaskLoading
{
    /// <summary>Loads a task with its children, regions and origins, and its ancestors with their children, so that progress can travel up.</summary>
    public static async Task<PolicyTask?> LoadWithFamilyAsync(this SiteDbContext db, int id, CancellationToken cancellationToken)
    {
        var task = await db.Set<PolicyTask>()
            .Include(t => t.Children).Include(t => t.Regions).Include(t => t.Origins)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        var current = task;
        var guard = 0;
        while (current?.ParentId is { } parentId && guard++ < 50)
        {
            current = await db.Set<PolicyTask>().Include(t => t.Children).FirstAsync(t => t.Id == parentId, cancellationToken);
        }

        return task;
    }

    public static DateOnly Today(this TimeProvider clock) => KoreaTime.Today(clock);
}
