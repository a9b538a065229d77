namespace CitizenParticipation.Core.Events;

public enum OutboxEventStatus
{
    Pending = 0,
    Handled = 1,
    Failed = 2,
}

/// <summary>
/// A notification saved in the same transaction as the change that raised it, and handled once that change is
/// committed: a subscriber that fails or a process that dies leaves it pending, to be handled again.
/// </summary>
public sealed class OutboxEvent
{
    public long Id { get; set; }

    /// <summary>The notification's type, one of <see cref="EventTypes"/>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The notification as JSON.</summary>
    public string Payload { get; set; } = "";

    public OutboxEventStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>An instance handling this event holds it until then; others leave it alone.</summary>
    public DateTime? LockedUntil { get; set; }

    public DateTime? HandledAt { get; set; }
    public string? LastError { get; set; }
}
