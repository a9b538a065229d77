namespace CitizenParticipation.Modules.Discussion.Domain;

public enum ReportReason
{
    Spam = 1,
    Offensive = 2,
    PersonalInformation = 3,
    OffTopic = 4,
    Other = 5,
}

/// <summary>One person's report of a comment; unique per (comment, person).</summary>
public sealed class CommentReport
{
    public int Id { get; set; }
    public int CommentId { get; set; }
    public Guid PersonId { get; set; }
    public ReportReason Reason { get; set; }
    public string? Text { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A person stopped from commenting anywhere; their comments are hidden while the row exists.</summary>
public sealed class BlockedPerson
{
    public Guid PersonId { get; set; }
    public string Reason { get; set; } = "";
    public Guid BlockedBy { get; set; }
    public DateTime At { get; set; }
}

/// <summary>What a moderator set for one thread (slow mode); a thread without a row has none.</summary>
public sealed class ThreadSettings
{
    public string Kind { get; set; } = "";
    public int ItemId { get; set; }

    /// <summary>At most one comment per person per this many seconds; 0 is off.</summary>
    public int SlowModeSeconds { get; set; }
}

public enum ModerationAction
{
    Hide = 1,
    Restore = 2,
    Block = 3,
    Unblock = 4,
    SlowMode = 5,
    AutoHide = 6,
}

/// <summary>One line of the moderation audit log: who did what, why, when, in which thread and to which comment or person. Only ever added.</summary>
public sealed class ModerationEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public ModerationAction Action { get; set; }
    public string Reason { get; set; } = "";
    public string? Kind { get; set; }
    public int? ItemId { get; set; }
    public int? CommentId { get; set; }
    public Guid? PersonId { get; set; }
}
