namespace CitizenParticipation.Modules.Debates.Domain;

/// <summary>A participant's short statement on a debate's opinion map; committee members hide (never delete) one with a reason.</summary>
public sealed class Statement
{
    public const int MaxLength = 140;
    public const int MaxHideReason = 500;

    private Statement() { }

    public Statement(int debateId, string text, Guid authorId, string authorName, DateTime now)
    {
        DebateId = debateId;
        Text = text.Trim();
        AuthorId = authorId;
        AuthorName = authorName;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int DebateId { get; private set; }
    public string Text { get; private set; } = "";
    public Guid? AuthorId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? HiddenAt { get; private set; }
    public string? HiddenReason { get; private set; }
    public string? HiddenByName { get; private set; }

    public bool Hidden => HiddenAt is not null;

    public void Hide(string reason, string moderatorName, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DebateRuleException("Give the reason for hiding the statement: it is shown in its place.");
        }

        HiddenAt = now;
        HiddenReason = reason.Trim();
        HiddenByName = moderatorName;
    }
}

/// <summary>One person's vote on one statement: the primary key (statement, voter) keeps it to one, a new vote replaces it.</summary>
public sealed class StatementVoteRow
{
    private StatementVoteRow() { }

    public StatementVoteRow(int statementId, int debateId, Guid voterId, StatementVote value, DateTime now)
    {
        StatementId = statementId;
        DebateId = debateId;
        VoterId = voterId;
        Value = value;
        At = now;
    }

    public int StatementId { get; private set; }
    /// <summary>Repeated from the statement, so that the map's computation reads one debate's votes through one index.</summary>
    public int DebateId { get; private set; }
    public Guid VoterId { get; private set; }
    public StatementVote Value { get; private set; }
    public DateTime At { get; private set; }
}

/// <summary>
/// A debate's computed opinion map, and the claim on its computation: an instance computes a debate's map only after
/// taking <see cref="LockedUntil"/> with a conditional update, so that two instances sharing the database never compute
/// the same debate at once. <see cref="VoteCount"/> and <see cref="VotesUpTo"/> say which votes it was computed from.
/// </summary>
public sealed class OpinionMapRecord
{
    private OpinionMapRecord() { }

    public OpinionMapRecord(int debateId) => DebateId = debateId;

    public int DebateId { get; private set; }
    public int VoteCount { get; set; }
    public DateTime? VotesUpTo { get; set; }
    public DateTime? ComputedAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    /// <summary>The <see cref="OpinionMap"/> as JSON (participants by number, not by account).</summary>
    public string? Result { get; set; }
}
