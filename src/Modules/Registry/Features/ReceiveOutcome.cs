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
