using CitizenParticipation.Core.Contracts;

namespace CitizenParticipation.Modules.Discussion.Domain;

public enum Stance
{
    For = 1,
    Neutral = 2,
    Against = 3,
}

public enum CommentState
{
    Visible = 0,
    /// <summary>Hidden by reports until a moderator looks.</summary>
    AwaitingReview = 1,
    /// <summary>Hidden by a moderator, whose reason is shown in place of the text.</summary>
    Hidden = 2,
}

/// <summary>
/// A comment in a thread attached to another module's item (<see cref="ThreadKey"/>). Replies nest at most
/// <see cref="MaxDepth"/> deep; the author may edit for <see cref="EditWindow"/>; a comment is never deleted, only
/// hidden with a reason. Its vote and report counts are kept on the row so that a page of a long thread reads no votes.
/// </summary>
public sealed class Comment
{
    public const int MaxDepth = 3;
    public const int MaxLength = 5000;
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    public int Id { get; private set; }
    public string Kind { get; private set; } = "";
    public int ItemId { get; private set; }
    public int? ParentId { get; private set; }

    /// <summary>The top-level comment this one answers (null for a top-level comment), so that a page of top-level comments reads their replies in one query.</summary>
    public int? RootId { get; private set; }

    public int Depth { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Body { get; private set; } = "";
    public Stance? Stance { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? EditedAt { get; private set; }
    public int Up { get; private set; }
    public int Down { get; private set; }

    /// <summary>Up minus down: the "most voted" order reads it from an index.</summary>
    public int Score { get; private set; }

    /// <summary>Reports made since a moderator last looked.</summary>
    public int OpenReports { get; private set; }
    public CommentState State { get; private set; }
    public string? ModerationReason { get; private set; }

    /// <summary>The author is blocked: all their comments are hidden until an administrator unblocks them.</summary>
    public bool AuthorBlocked { get; private set; }

    public ThreadKey Thread => new(Kind, ItemId);

    /// <summary>Shown to everyone: neither hidden by a moderator nor by reports nor by a block.</summary>
    public bool IsShown => State == CommentState.Visible && !AuthorBlocked;

    private Comment() { }

    /// <summary>A new comment in <paramref name="thread"/>, answering <paramref name="parent"/> if given. A stance only on top-level comments of a thread that takes them.</summary>
    public static Comment Write(ThreadKey thread, Comment? parent, Guid author, string body, Stance? stance, bool stancesAllowed, DateTime now)
    {
        if (parent is not null)
        {
            if (parent.Thread != thread)
            {
                throw new DiscussionRuleException(DiscussionRule.ParentElsewhere);
            }

            if (parent.Depth >= MaxDepth)
            {
                throw new DiscussionRuleException(DiscussionRule.TooDeep);
            }
        }

        if (stance is not null && (parent is not null || !stancesAllowed))
        {
            throw new DiscussionRuleException(DiscussionRule.NoStanceHere);
        }

        return new Comment
        {
            Kind = thread.Kind,
            ItemId = thread.Id,
            ParentId = parent?.Id,
            RootId = parent is null ? null : parent.RootId ?? parent.Id,
            Depth = parent is null ? 1 : parent.Depth + 1,
            AuthorId = author,
            Body = body,
            Stance = stance,
            CreatedAt = now,
        };
    }

    public bool CanEdit(Guid person, DateTime now) => person == AuthorId && IsShown && now - CreatedAt < EditWindow;

    /// <summary>Whole minutes left to edit, rounded up (0 once the window has passed).</summary>
    public int EditMinutesLeft(DateTime now) => Math.Max(0, (int)Math.Ceiling((CreatedAt + EditWindow - now).TotalMinutes));

    public void Edit(Guid person, string body, DateTime now)
    {
        if (person != AuthorId)
        {
            throw new DiscussionRuleException(DiscussionRule.NotAuthor);
        }

        if (!CanEdit(person, now))
        {
            throw new DiscussionRuleException(DiscussionRule.EditWindowPassed);
        }

        Body = body;
        EditedAt = now;
    }

    /// <summary>Counts a report; at <paramref name="threshold"/> open reports the comment waits, hidden, for a moderator. True when this report hid it.</summary>
    public bool Report(int threshold)
    {
        OpenReports++;
        if (State == CommentState.Visible && OpenReports >= threshold)
        {
            State = CommentState.AwaitingReview;
            return true;
        }

        return false;
    }

    public void Hide(string reason)
    {
        State = CommentState.Hidden;
        ModerationReason = reason;
        OpenReports = 0;
    }

    /// <summary>Shown again; the reports so far are dealt with.</summary>
    public void Restore()
    {
        State = CommentState.Visible;
        ModerationReason = null;
        OpenReports = 0;
    }

    /// <summary>Applies a change of one person's vote to the counts (<see cref="CommentVote.Press"/> says what the change is).</summary>
    public void Count(VoteDirection? before, VoteDirection? after)
    {
        var (up, down) = CommentVote.Change(before, after);
        Up += up;
        Down += down;
        Score = Up - Down;
    }
}

public enum VoteDirection
{
    Up = 1,
    Down = -1,
}

/// <summary>One person's vote on a comment; the primary key (comment, person) allows one.</summary>
public sealed class CommentVote
{
    public int CommentId { get; set; }
    public Guid PersonId { get; set; }
    public VoteDirection Direction { get; set; }
    public DateTime At { get; set; }

    /// <summary>What a press of <paramref name="pressed"/> makes of a vote: the same way again takes it back, the other way switches it.</summary>
    public static VoteDirection? Press(VoteDirection? current, VoteDirection pressed) => current == pressed ? null : pressed;

    /// <summary>How a change of one vote moves the up and down counts.</summary>
    public static (int Up, int Down) Change(VoteDirection? before, VoteDirection? after) =>
        ((after == VoteDirection.Up ? 1 : 0) - (before == VoteDirection.Up ? 1 : 0), (after == VoteDirection.Down ? 1 : 0) - (before == VoteDirection.Down ? 1 : 0));
}
