using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;

namespace CitizenParticipation.Modules.Petitions;

/// <summary>Source texts (English) for enum values; views localise them.</summary>
public static class Labels
{
    public static string Status(PetitionStatus status) => status switch
    {
        PetitionStatus.Draft => "Draft",
        PetitionStatus.CollectingAgreements => "Collecting prior agreements",
        PetitionStatus.PendingModeration => "Awaiting review",
        PetitionStatus.Open => "Open for signing",
        PetitionStatus.AwaitingAnswer => "Awaiting answer",
        PetitionStatus.Answered => "Answered",
        PetitionStatus.Closed => "Closed",
        PetitionStatus.Rejected => "Rejected",
        _ => "Hidden",
    };

    public static string Reason(RejectionReason reason) => reason switch
    {
        RejectionReason.Duplicate => "Duplicate of another petition",
        RejectionReason.Defamatory => "Defamatory",
        RejectionReason.PersonalInformation => "Contains personal information",
        RejectionReason.Offensive => "Offensive or hateful",
        RejectionReason.Advertising => "Advertising or spam",
        RejectionReason.NotACityMatter => "Not a matter for the city",
        RejectionReason.AlreadyAnswered => "Already answered",
        RejectionReason.UnderInvestigationOrTrial => "Under investigation or trial",
        _ => "Unclear or incomplete",
    };

    public static string AnswerKind(AnswerKind kind) => kind switch
    {
        Domain.AnswerKind.Accepted => "Accepted",
        Domain.AnswerKind.PartlyAccepted => "Partly accepted",
        Domain.AnswerKind.UnderReview => "Under review",
        _ => "Not possible",
    };

    /// <summary>What each answer kind means, for staff choosing one.</summary>
    public static string AnswerKindHint(AnswerKind kind) => kind switch
    {
        Domain.AnswerKind.Accepted => "The city will do what the petition asks. The answer goes to a policy task in the citizen mayor's office.",
        Domain.AnswerKind.PartlyAccepted => "The city will do part of what the petition asks. The answer goes to a policy task in the citizen mayor's office.",
        Domain.AnswerKind.UnderReview => "The city has not decided yet. The answer is shown on the petition and goes to a policy task only if you choose one.",
        _ => "The city cannot do what the petition asks. The answer is shown on the petition and goes to a policy task only if you choose one.",
    };

    /// <summary>
    /// A history entry's kind, as the features write it ("rejected:Duplicate" names the reason, see
    /// <see cref="EventReason"/>); a kind without a text of its own reads as a generic one, never as its key.
    /// </summary>
    public static string Event(string kind) => kind.Split(':')[0] switch
    {
        "submitted" => "Submitted by the author",
        "agreements-collected" => "Prior agreements collected",
        "published" => "Published for signing",
        "rejected" => "Rejected",
        "threshold-reached" => "Answer threshold reached",
        "proposed-for-deliberation" => "Proposed for the deliberation committee",
        "answered" => "Answer published",
        "answer-updated" => "Answer updated",
        "signatures-invalidated" => "Signatures invalidated",
        _ => "Other change",
    };

    public static RejectionReason? EventReason(string kind) =>
        kind.StartsWith("rejected:", StringComparison.Ordinal) && Enum.TryParse<RejectionReason>(kind["rejected:".Length..], out var reason) ? reason : null;

    public static string Tab(PetitionTab tab) => tab switch
    {
        PetitionTab.Open => "Open",
        PetitionTab.Awaiting => "Awaiting answer",
        PetitionTab.Answered => "Answered",
        PetitionTab.Closed => "Closed",
        _ => "All petitions",
    };

    public static string Sort(PetitionSort sort) => sort switch
    {
        PetitionSort.MostSigned => "Most signed",
        PetitionSort.ClosingSoon => "Closing soon",
        _ => "Newest",
    };
}
