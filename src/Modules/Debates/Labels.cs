using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Debates.Domain;

namespace CitizenParticipation.Modules.Debates;

/// <summary>Source texts (English) for enum values; views localise them.</summary>
public static class Labels
{
    public static string Phase(DebatePhase phase) => phase switch
    {
        DebatePhase.Preparation => "Preparation",
        DebatePhase.Learning => "Learning",
        DebatePhase.Deliberation => "Deliberation",
        DebatePhase.ClosingSurvey => "Closing survey",
        DebatePhase.Recommendation => "Recommendation",
        DebatePhase.CityResponse => "The city's response",
        _ => "Concluded",
    };

    public static string Source(AgendaSource source) => source switch
    {
        AgendaSource.Petition => "Petition past the agenda threshold",
        AgendaSource.Mayor => "Requested on behalf of the mayor",
        AgendaSource.Committee => "Proposed by a committee member",
        _ => "Suggested by a citizen",
    };

    public static string State(AgendaState state, bool lapsed) => (state, lapsed) switch
    {
        (AgendaState.CollectingSupports, true) => "Support period ended",
        (AgendaState.CollectingSupports, _) => "Gathering supports",
        (AgendaState.BeforeCommittee, _) => "Before the committee",
        (AgendaState.Accepted, _) => "Accepted for a debate",
        _ => "Declined",
    };

    /// <summary>A log entry's action, as the features write it; an unknown one reads as a generic change.</summary>
    public static string Action(string action) => action switch
    {
        "created" => "Debate created from the agenda",
        "edited" => "Debate edited",
        "moved-on" => "Moved on to the next phase",
        "closed-early" => "Phase closed early",
        "extended" => "Phase extended",
        "statement-hidden" => "Statement hidden",
        "poll-question-added" => "Poll question added",
        _ => "Other change",
    };

    public static string Vote(StatementVote vote) => vote switch
    {
        StatementVote.Agree => "Agree",
        StatementVote.Disagree => "Disagree",
        _ => "Pass",
    };

    public static string Survey(PollSurvey survey) => survey == PollSurvey.Before ? "First survey (before deliberation)" : "Closing survey";

    /// <summary>What the poll may honestly say about a question, as a sentence with the test's n (changed answers) and p.</summary>
    public static string Shift(PollShift shift) => shift switch
    {
        PollShift.TooFewToTell => "Too few answers changed to tell: {0} of the {1} people who answered both surveys changed their answer.",
        PollShift.NoMeasurableShift => "No measurable shift: answers moved, but not more one way than the other (Wilcoxon signed-rank test, n = {0}, p = {2}).",
        PollShift.TowardsHigher => "Opinion shifted towards \"{3}\" (Wilcoxon signed-rank test, n = {0}, p = {2}).",
        _ => "Opinion shifted towards \"{4}\" (Wilcoxon signed-rank test, n = {0}, p = {2}).",
    };

    public static string Level(VerificationLevel level) => level switch
    {
        VerificationLevel.ResidentVerified => "Verified residents",
        VerificationLevel.EmailConfirmed => "Members with a confirmed email address",
        _ => "Every member",
    };

    /// <summary>
    /// A log entry's detail in the reader's language: the phases of a move ("Learning → Deliberation"), the phase and
    /// dates of an extension, the parts an edit changed; anything else as written.
    /// </summary>
    public static string Detail(string action, string detail, Func<string, string> t)
    {
        string PhaseText(string name) => Enum.TryParse<DebatePhase>(name.Trim(), out var phase) ? t(Phase(phase)) : name;
        switch (action)
        {
            case "moved-on" or "closed-early" when detail.Split(" → ") is [var from, var to]:
                return $"{PhaseText(from)} → {PhaseText(to)}";
            case "extended" when detail.Split(": ", 2) is [var phase, var dates]:
                return $"{PhaseText(phase)}: {dates}";
            case "edited":
                return string.Join(", ", detail.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(part => t(EditedPart(part))));
            default:
                return detail;
        }
    }

    private static string EditedPart(string part) => part switch
    {
        "title" => "Title",
        "summary" => "Summary",
        "briefing" => "Briefing",
        "arguments-for" => "Arguments for",
        "arguments-against" => "Arguments against",
        "expert-statements" => "Expert statements",
        "verification" => "Verification required to take part",
        "dates" => "Planned dates",
        _ => "Other change",
    };
}
