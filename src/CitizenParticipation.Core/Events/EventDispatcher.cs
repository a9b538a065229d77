using System.Text.Json;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Email;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Core.Events;

/// <summary>
/// Hands committed events to their subscribers, each event in a scope of its own so that one subscriber's failure
/// leaves no half-made changes behind. Several instances can run it at once: each event is claimed first.
/// </summary>
public sealed class EventDispatcher(IServiceScopeFactory scopes, EventTypes types, TimeProvider clock, ILogger<EventDispatcher> logger)
{
    public const int MaxAttempts = 10;

    /// <summary>Handles the events due now, oldest first; returns how many were handled.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxEvents
            .Where(e => e.Status == OutboxEventStatus.Pending && e.NextAttemptAt <= now && (e.LockedUntil == null || e.LockedUntil < now))
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .Take(50)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var id in due)
        {
            var lockUntil = now.AddMinutes(5);
            var claimed = await db.OutboxEvents
                .Where(e => e.Id == id && e.Status == OutboxEventStatus.Pending && (e.LockedUntil == null || e.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, lockUntil), cancellationToken);
            if (claimed == 0)
            {
                continue; // another instance has it
            }

            var stored = await db.OutboxEvents.AsNoTracking().SingleAsync(e => e.Id == id, cancellationToken);
            try
            {
                await HandleAsync(stored, cancellationToken);
                var handledAt = clock.GetUtcNow().UtcDateTime;
                // Not cancelled on shutdown: the subscribers are done, and a row left pending would run them again.
                await db.OutboxEvents.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Status, OutboxEventStatus.Handled)
                    .SetProperty(e => e.HandledAt, handledAt)
                    .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                    .SetProperty(e => e.LockedUntil, (DateTime?)null), CancellationToken.None);
                handled++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var attempts = stored.Attempts + 1;
                var failed = attempts >= MaxAttempts;
                logger.Log(failed ? LogLevel.Error : LogLevel.Warning, ex, "Event {Id} ({Type}) attempt {Attempt} failed", id, stored.Type, attempts);
                await db.OutboxEvents.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Attempts, attempts)
                    .SetProperty(e => e.Status, failed ? OutboxEventStatus.Failed : OutboxEventStatus.Pending)
                    .SetProperty(e => e.NextAttemptAt, now + OutboxProcessor.Backoff(attempts))
                    .SetProperty(e => e.LastError, ex.Message.Length > 500 ? ex.Message[..500] : ex.Message)
                    .SetProperty(e => e.LockedUntil, (DateTime?)null), CancellationToken.None);
            }
        }

        return handled;
    }

    /// <summary>Handles everything due until nothing is left (a subscriber may raise further events).</summary>
    public async Task DispatchAllDueAsync(CancellationToken cancellationToken)
    {
        while (await DispatchDueAsync(cancellationToken) > 0)
        {
        }
    }

    private async Task HandleAsync(OutboxEvent stored, CancellationToken cancellationToken)
    {
        var type = types.Find(stored.Type) ?? throw new InvalidOperationException($"No module declares the event type {stored.Type}.");
        var notification = (INotification)(JsonSerializer.Deserialize(stored.Payload, type)
                                           ?? throw new InvalidOperationException($"Event {stored.Id} has no payload."));
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(notification, cancellationToken);
    }
}
