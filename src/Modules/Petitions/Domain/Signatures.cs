namespace CitizenParticipation.Modules.Petitions.Domain;

public enum SignatureKind
{
    Agree = 0,
    Disagree = 1,
}

/// <summary>
/// One person's 동의 or 비동의 on one petition; a unique index on (PetitionId, UserId) makes a second
/// one impossible whatever the application does. Identity fields are cleared when the petition is anonymised.
/// </summary>
public sealed class PetitionSignature
{
    /// <summary>The longest comment a signer may leave with their signature, as kept (trimmed).</summary>
    public const int MaxCommentLength = 300;

    public long Id { get; set; }
    public int PetitionId { get; set; }
    public Guid? UserId { get; set; }
    public SignatureKind Kind { get; set; }
    public string SignerName { get; set; } = "";
    public int? RegionId { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? IpAddress { get; set; }
    public string? EmailDomain { get; set; }
    /// <summary>Set when staff invalidated the signature as abuse; it no longer counts.</summary>
    public long? InvalidationId { get; set; }

    /// <summary>Whether a signer's comment is longer than a signature may carry; blank space around it does not count.</summary>
    public static bool IsCommentTooLong(string? comment) => comment is not null && comment.AsSpan().Trim().Length > MaxCommentLength;
}

/// <summary>A prior agreement given through the private link before publication.</summary>
public sealed class PetitionAgreement
{
    public long Id { get; set; }
    public int PetitionId { get; set; }
    public Guid? UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A logged staff action on signatures: who, why, what was matched and how many.</summary>
public sealed class SignatureInvalidation
{
    public long Id { get; set; }
    public int PetitionId { get; set; }
    public Guid StaffId { get; set; }
    public string StaffName { get; set; } = "";
    public string Reason { get; set; } = "";
    public string Criteria { get; set; } = "";
    public int AgreeCount { get; set; }
    public int DisagreeCount { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The petition's moderation and answer history, for staff.</summary>
public sealed class PetitionEvent
{
    public long Id { get; set; }
    public int PetitionId { get; set; }
    public string Kind { get; set; } = "";
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>History entry kinds that carry a value after a colon ("rejected:Duplicate", "answered:UnderReview").</summary>
public static class PetitionEvents
{
    public const string Answered = "answered";
    public const string AnswerUpdated = "answer-updated";

    public static string Answer(bool first, AnswerKind kind) => $"{(first ? Answered : AnswerUpdated)}:{kind}";

    /// <summary>The answer's kind named by an answer entry; entries written before kinds existed name none.</summary>
    public static AnswerKind? AnswerKindOf(string kind) =>
        kind.Split(':') is [Answered or AnswerUpdated, var value] && Enum.TryParse<AnswerKind>(value, out var answerKind) && Enum.IsDefined(answerKind) ? answerKind : null;
}

/// <summary>
/// An email to everyone who signed a petition (threshold reached, answer published), written to the outbox
/// a chunk at a time by <c>PetitionMailingSource</c> instead of inside the transaction that caused it: at
/// a hundred thousand signers that would hold the database for as long as it takes.
/// </summary>
public sealed class PetitionMailing
{
    public long Id { get; set; }
    public int PetitionId { get; set; }
    public string Kind { get; set; } = "";
    /// <summary>Signers up to this signature (the last one when the mailing was created).</summary>
    public long CutoffSignatureId { get; set; }
    /// <summary>Signers up to this signature have their email in the outbox.</summary>
    public long CursorSignatureId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public static class PetitionMailingKinds
{
    public const string ThresholdReached = "threshold-reached";
    public const string Answered = "answered";
    public const string AnswerUpdated = "answer-updated";
}
