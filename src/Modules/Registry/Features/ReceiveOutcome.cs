using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

/// <summary>
/// The registry's side of the outcome contract. Recorded once per origin and decision (a unique index
/// backs the check); attached to the linked task, or to the task an earlier decision on the same origin
/// went to, or to a new citizen-born task; or left in the inbox for staff when asked to.
/// </summary>
public sealed class ReceiveOutcomeHandler(SiteDbContext db, TimeProvider clock) : INotificationHandler<OutcomePublished>
{
    public async Task Handle(OutcomePublished notification, CancellationToken cancellationToken)
    {
        var outcomes = db.Set<ReceivedOutcome>();
        if (await outcomes.AnyAsync(o => o.Origin == notification.Origin && o.OriginId == notification.OriginId && o.Decision == notification.Decision, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var received = new ReceivedOutcome(notification, now);
        outcomes.Add(received);

        var taskId = notification.LinkedTaskId
                     ?? await outcomes.Where(o => o.Origin == notification.Origin && o.OriginId == notification.OriginId && o.TaskId != null)
                         .OrderByDescending(o => o.Id).Select(o => o.TaskId).FirstOrDefaultAsync(cancellationToken);
        PolicyTask? task = null;
        if (taskId is not null)
        {
            task = await db.LoadWithFamilyAsync(taskId.Value, cancellationToken);
        }

        if (task is null && notification.CreateTaskIfUnlinked)
        {
            task = await CitizenBornTask.CreateAsync(db, received, now, cancellationToken);
        }

        if (task is not null)
        {
            received.LinkTo(task, task.AddOutcome(notification, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

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
