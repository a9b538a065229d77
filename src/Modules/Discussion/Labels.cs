using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Discussion.Domain;

namespace CitizenParticipation.Modules.Discussion;

/// <summary>English source texts of the module's enumerations and refusals, to localise.</summary>
public static class Labels
{
    /// <summary>Shown in place of the name of an author whose account was deleted.</summary>
    public const string DeletedAccount = "Deleted account";

    public static string Stance(Stance stance) => stance switch
    {
        Domain.Stance.For => "For",
        Domain.Stance.Against => "Against",
        _ => "Neutral",
    };

    public static string Reason(ReportReason reason) => reason switch
    {
        ReportReason.Spam => "Spam or advertising",
        ReportReason.Offensive => "Offensive or abusive",
        ReportReason.PersonalInformation => "Personal information",
        ReportReason.OffTopic => "Off-topic",
        _ => "Other",
    };

    public static string Action(ModerationAction action) => action switch
    {
        ModerationAction.Hide => "Comment hidden",
        ModerationAction.Restore => "Comment restored",
        ModerationAction.Block => "Person blocked",
        ModerationAction.Unblock => "Person unblocked",
        ModerationAction.SlowMode => "Slow mode set",
        _ => "Hidden by reports",
    };

    public static string Rule(DiscussionRule rule) => rule switch
    {
        DiscussionRule.TooDeep => "Replies go at most three levels deep: answer the comment above instead.",
        DiscussionRule.ParentElsewhere => "The comment you answered is in another discussion.",
        DiscussionRule.NoStanceHere => "Only a first-level comment in a discussion with stances takes a stance.",
        DiscussionRule.NotAuthor => "Only the author can edit a comment.",
        _ => "A comment can be edited only in the first 15 minutes after it was posted.",
    };

    public static string NeedsLevel(VerificationLevel level) => level switch
    {
        VerificationLevel.ResidentVerified => "Taking part in this discussion needs residence verification. Verify your residence in your profile.",
        _ => "Taking part in this discussion needs a confirmed email address. Confirm it in your profile.",
    };
}
