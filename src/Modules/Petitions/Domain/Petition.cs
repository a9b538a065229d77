using System.Collections.Frozen;
using System.Linq.Expressions;

namespace CitizenParticipation.Modules.Petitions.Domain;

public enum PetitionStatus
{
    Draft = 0,
    CollectingAgreements = 1,
    PendingModeration = 2,
    Open = 3,
    AwaitingAnswer = 4,
    Answered = 5,
    Closed = 6,
    Rejected = 7,
    Hidden = 8,
}

public enum RejectionReason
{
    Duplicate = 0,
    Defamatory = 1,
    PersonalInformation = 2,
    Offensive = 3,
    Advertising = 4,
    NotACityMatter = 5,
    AlreadyAnswered = 6,
    UnderInvestigationOrTrial = 7,
    Unclear = 8,
}

/// <summary>What the city's answer commits it to. Only a commitment becomes (or joins) a policy task.</summary>
public enum AnswerKind
{
    /// <summary>수용: the city will do what was asked.</summary>
    Accepted = 0,
    /// <summary>일부 수용: the city will do part of it.</summary>
    PartlyAccepted = 1,
    /// <summary>검토 중: no decision yet.</summary>
    UnderReview = 2,
    /// <summary>수용 곤란: the city cannot do it.</summary>
    NotPossible = 3,
}

public static class AnswerKinds
{
    public static bool Commits(AnswerKind kind) => kind is AnswerKind.Accepted or AnswerKind.PartlyAccepted;
}

public static class RejectionReasons
{
    /// <summary>Reasons whose petition must not stay visible: showing it would repeat the harm.</summary>
    public static bool Hides(RejectionReason reason) =>
        reason is RejectionReason.Defamatory or RejectionReason.PersonalInformation or RejectionReason.Offensive or RejectionReason.Advertising;
}

/// <summary>
/// A citizen's petition. Counts are kept on the row (updated atomically by the signing command) so that
/// lists and pages never count signature rows.
/// </summary>
public sealed class Petition
{
    private Petition() { }

    public Petition(Guid authorId, string authorName, DateTime now)
    {
        AuthorId = authorId;
        AuthorName = authorName;
        CreatedAt = now;
        UpdatedAt = now;
        Status = PetitionStatus.Draft;
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public int? PolicyFieldId { get; private set; }
    public int? RegionId { get; private set; }
    public Guid? AuthorId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public PetitionStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime? ClosesAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary>The private link's secret while prior agreements are collected.</summary>
    public string? AgreementToken { get; private set; }
    public int AgreementsRequired { get; private set; }
    public int AgreementCount { get; private set; }
    public bool NeedsModeration { get; private set; }

    public int SignatureCount { get; private set; }
    public int DisagreementCount { get; private set; }
    public DateTime? ThresholdReachedAt { get; private set; }
    public DateTime? AnswerDueAt { get; private set; }
    public DateTime? AgendaProposedAt { get; private set; }

    public RejectionReason? RejectionReason { get; private set; }
    public string? RejectionNote { get; private set; }
    public Guid? ModeratedBy { get; private set; }
    public Guid? ModerationLockedBy { get; private set; }
    public string? ModerationLockedByName { get; private set; }
    public DateTime? ModerationLockedUntil { get; private set; }

    /// <summary>Set with the answer; answers given before kinds existed were all taken as accepted.</summary>
    public AnswerKind? AnswerKind { get; private set; }
    public string? AnswerText { get; private set; }
    public string? AnswerVideoUrl { get; private set; }
    public string? AnsweringOfficial { get; private set; }
    public int? AnsweringDepartmentId { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public Guid? AnsweredBy { get; private set; }
    public int? LinkedTaskId { get; private set; }

    public DateTime? AnonymisedAt { get; private set; }
    /// <summary>The <see cref="PetitionSearchTerm.Version"/> its search index entries were written with; 0 for none.</summary>
    public int SearchIndexVersion { get; private set; }

    public bool IsPublic => IsPublicStatus(Status);

    /// <summary>Whether anyone may see a petition in this state (readers that project the status alone use it).</summary>
    public static bool IsPublicStatus(PetitionStatus status) => PublicStatuses.Contains(status);

    private static readonly FrozenSet<PetitionStatus> PublicStatuses = FrozenSet.Create(
        PetitionStatus.Open, PetitionStatus.AwaitingAnswer, PetitionStatus.Answered, PetitionStatus.Closed, PetitionStatus.Rejected);

    /// <summary><see cref="IsPublicStatus"/> for queries: <c>Status = … OR Status = …</c>, which the database reads as one <c>IN</c>.</summary>
    public static readonly Expression<Func<Petition, bool>> Listed = StatusIsOneOf(PublicStatuses);

    private static Expression<Func<Petition, bool>> StatusIsOneOf(IEnumerable<PetitionStatus> statuses)
    {
        var petition = Expression.Parameter(typeof(Petition), "p");
        var status = Expression.Property(petition, nameof(Status));
        return Expression.Lambda<Func<Petition, bool>>(
            statuses.Order().Select(s => (Expression)Expression.Equal(status, Expression.Constant(s))).Aggregate(Expression.OrElse), petition);
    }

    /// <summary>
    /// The states in which a petition takes signatures until its closing date. The one definition: the entity,
    /// the signature writer's refusal and the writer's SQL guard all read it.
    /// </summary>
    public static readonly FrozenSet<PetitionStatus> SigningStatuses = FrozenSet.Create(PetitionStatus.Open, PetitionStatus.AwaitingAnswer);

    /// <summary>Whether a petition in <paramref name="status"/>, closing at <paramref name="closesAt"/>, takes a signature at <paramref name="now"/>.</summary>
    public static bool AcceptsSignatures(PetitionStatus status, DateTime? closesAt, DateTime now) =>
        SigningStatuses.Contains(status) && closesAt > now;

    public bool AcceptsSignatures(DateTime now) => AcceptsSignatures(Status, ClosesAt, now);

    public bool IsEditableByAuthor => Status == PetitionStatus.Draft;

    public void Write(string title, string body, int? policyFieldId, int? regionId, DateTime now)
    {
        if (!IsEditableByAuthor)
        {
            throw new InvalidOperationException("Only a draft can be edited.");
        }

        Title = title.Trim();
        Body = body.Trim();
        PolicyFieldId = policyFieldId;
        RegionId = regionId;
        UpdatedAt = now;
    }

    /// <summary>Leaves the draft state: to the private agreement link, to moderation, or straight to signing.</summary>
    public void Submit(int agreementsRequired, bool preModeration, int signingDays, string token, DateTime now)
    {
        if (Status != PetitionStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft can be submitted.");
        }

        SubmittedAt = now;
        UpdatedAt = now;
        AgreementsRequired = Math.Max(0, agreementsRequired);
        NeedsModeration = preModeration;
        if (AgreementsRequired > 0)
        {
            AgreementToken = token;
            Status = PetitionStatus.CollectingAgreements;
            return;
        }

        AfterAgreements(signingDays, now);
    }

    /// <summary>Called when one more prior agreement was recorded (the counter itself is raised in SQL).</summary>
    public void AgreementsCounted(int count, int signingDays, DateTime now)
    {
        AgreementCount = count;
        if (Status == PetitionStatus.CollectingAgreements && count >= AgreementsRequired)
        {
            AfterAgreements(signingDays, now);
        }
    }

    private void AfterAgreements(int signingDays, DateTime now)
    {
        if (NeedsModeration)
        {
            Status = PetitionStatus.PendingModeration;
            return;
        }

        Open(signingDays, now);
    }

    private void Open(int signingDays, DateTime now)
    {
        Status = PetitionStatus.Open;
        PublishedAt = now;
        ClosesAt = now.AddDays(Math.Max(1, signingDays));
        UpdatedAt = now;
        AgreementToken = null;
    }

    public bool IsLockedByOther(Guid moderator, DateTime now) =>
        ModerationLockedBy is { } holder && holder != moderator && ModerationLockedUntil > now;

    public void Publish(Guid moderator, int signingDays, DateTime now)
    {
        if (Status != PetitionStatus.PendingModeration)
        {
            throw new InvalidOperationException("Only a petition awaiting moderation can be published.");
        }

        ModeratedBy = moderator;
        ReleaseLock();
        Open(signingDays, now);
    }

    public void Reject(Guid moderator, RejectionReason reason, string? note, DateTime now)
    {
        if (Status is not (PetitionStatus.PendingModeration or PetitionStatus.CollectingAgreements or PetitionStatus.Open or PetitionStatus.AwaitingAnswer or PetitionStatus.Closed or PetitionStatus.Rejected))
        {
            throw new InvalidOperationException("This petition cannot be rejected.");
        }

        ModeratedBy = moderator;
        RejectionReason = reason;
        RejectionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Status = RejectionReasons.Hides(reason) ? PetitionStatus.Hidden : PetitionStatus.Rejected;
        ClosedAt ??= now;
        UpdatedAt = now;
        AgreementToken = null;
        ReleaseLock();
    }

    public void ReleaseLock()
    {
        ModerationLockedBy = null;
        ModerationLockedByName = null;
        ModerationLockedUntil = null;
    }

    /// <summary>Called in the transaction whose signature reached the answer threshold.</summary>
    public void ReachThreshold(int answerDueDays, DateTime now)
    {
        ThresholdReachedAt = now;
        Status = PetitionStatus.AwaitingAnswer;
        AnswerDueAt = (ClosesAt ?? now).AddDays(answerDueDays);
        UpdatedAt = now;
    }

    public void ProposeForAgenda(DateTime now) => AgendaProposedAt = now;

    public bool CanBeAnswered => Status is PetitionStatus.Open or PetitionStatus.AwaitingAnswer or PetitionStatus.Closed or PetitionStatus.Answered;

    /// <summary>Whether the answer reached the policy task registry: it commits the city, or staff named the task it belongs to.</summary>
    public bool AnswerGoesToRegistry => AnswerKind is { } kind && (AnswerKinds.Commits(kind) || LinkedTaskId is not null);

    public void Answer(AnswerKind kind, string text, string? videoUrl, string official, int? departmentId, int? linkedTaskId, Guid staff, DateTime now)
    {
        if (!CanBeAnswered)
        {
            throw new InvalidOperationException("This petition cannot be answered.");
        }

        AnswerKind = kind;
        AnswerText = text.Trim();
        AnswerVideoUrl = string.IsNullOrWhiteSpace(videoUrl) ? null : videoUrl.Trim();
        AnsweringOfficial = official.Trim();
        AnsweringDepartmentId = departmentId;
        LinkedTaskId = linkedTaskId;
        AnsweredBy = staff;
        AnsweredAt = now;
        Status = PetitionStatus.Answered;
        ClosedAt ??= ClosesAt < now ? ClosesAt : now;
        UpdatedAt = now;
    }

    public void CloseIfExpired(DateTime now)
    {
        if (Status == PetitionStatus.Open && ClosesAt <= now)
        {
            Status = PetitionStatus.Closed;
            ClosedAt = ClosesAt;
            UpdatedAt = now;
        }
    }

    public void Anonymised(DateTime now) => AnonymisedAt = now;
}
