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
        _ => "Closed",
    };

    public static string Sort(PetitionSort sort) => sort switch
    {
        PetitionSort.MostSigned => "Most signed",
        PetitionSort.ClosingSoon => "Closing soon",
        _ => "Newest",
    };
}
