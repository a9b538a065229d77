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
