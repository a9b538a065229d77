using System.Text.Json;
using CitizenParticipation.Core.Data;
using MediatR;

namespace CitizenParticipation.Core.Events;

public static class EventOutbox
{
    /// <summary>
    /// Adds <paramref name="notification"/> to the context, to be saved with the change that raised it and handled
    /// after the commit, on the event dispatcher's thread (never the caller's). Subscribers must be idempotent: an
    /// event is handled at least once.
    /// </summary>
    public static void Raise<T>(this SiteDbContext db, T notification, DateTime now) where T : class, INotification =>
        db.Add(new OutboxEvent
        {
            Type = EventTypes.NameOf(typeof(T)),
            Payload = JsonSerializer.Serialize(notification),
            CreatedAt = now,
            NextAttemptAt = now,
        });
}
