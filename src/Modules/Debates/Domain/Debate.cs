using CitizenParticipation.Core.Data;

namespace CitizenParticipation.Modules.Debates.Domain;

/// <summary>A debate's phases, in their order; <see cref="Concluded"/> follows the city's response.</summary>
public enum DebatePhase
{
    Preparation = 0,
    Learning = 1,
    Deliberation = 2,
    ClosingSurvey = 3,
    Recommendation = 4,
    CityResponse = 5,
    Concluded = 6,
}

/// <summary>One phase's planned dates (Korean calendar days, both included) and when it really started and ended.</summary>
public sealed class PhaseSchedule
{
    private PhaseSchedule() { }

    internal PhaseSchedule(DebatePhase phase, DateOnly plannedStart, DateOnly plannedEnd)
    {
        Phase = phase;
        PlannedStart = plannedStart;
        PlannedEnd = plannedEnd;
    }

    public int Id { get; private set; }
    public int DebateId { get; private set; }
    public DebatePhase Phase { get; private set; }
    public DateOnly PlannedStart { get; internal set; }
    public DateOnly PlannedEnd { get; internal set; }
    public DateTime? StartedAt { get; internal set; }
    public DateTime? EndedAt { get; internal set; }
}

/// <summary>What the committee changed, for the debate's public log.</summary>
public sealed record DebateChange(string Action, string Detail, string? Reason);

/// <summary>
/// A Talk-Talk debate: preparation → learning → deliberation → closing survey → recommendation → the city's response
/// → concluded. The committee edits it only while it is being prepared, moves it on one phase at a time (before the
/// planned end only with a reason: closing early), and extends the current phase (with a reason); each move returns
/// the change for the log. Deliberation is time-boxed: statements and votes are taken only until its planned end.
/// </summary>
public sealed class Debate
{
    public const int MaxReason = 1000;

    /// <summary>The phases that carry planned dates (all but <see cref="DebatePhase.Concluded"/>).</summary>
    public static readonly IReadOnlyList<DebatePhase> PlannedPhases =
        [DebatePhase.Preparation, DebatePhase.Learning, DebatePhase.Deliberation, DebatePhase.ClosingSurvey, DebatePhase.Recommendation, DebatePhase.CityResponse];

    private readonly List<PhaseSchedule> _schedule = [];

    private Debate() { }

    public Debate(string title, int? candidateId, DateOnly today, DateTime now)
    {
        Title = title.Trim();
        CandidateId = candidateId;
        CreatedAt = now;
        UpdatedAt = now;
        // A first plan the committee adjusts while preparing: two weeks each, deliberation three.
        var start = today;
        foreach (var phase in PlannedPhases)
        {
            var days = phase == DebatePhase.Deliberation ? 21 : 14;
            _schedule.Add(new PhaseSchedule(phase, start, start.AddDays(days - 1)));
            start = start.AddDays(days);
        }

        _schedule[0].StartedAt = now;
    }

    public int Id { get; private set; }
    public int? CandidateId { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Briefing { get; private set; } = "";
    public string ArgumentsFor { get; private set; } = "";
    public string ArgumentsAgainst { get; private set; } = "";
    public string ExpertStatements { get; private set; } = "";
    public DebatePhase Phase { get; private set; }
    public VerificationLevel MinimumLevel { get; private set; } = VerificationLevel.EmailConfirmed;
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<PhaseSchedule> Schedule => _schedule;

    public PhaseSchedule ScheduleOf(DebatePhase phase) => _schedule.Single(s => s.Phase == phase);

    /// <summary>Public once it leaves preparation.</summary>
    public bool IsPublic => Phase != DebatePhase.Preparation;

    /// <summary>Whether statements, votes and comments are taken now: in deliberation, until its planned end (Korean time, end of day).</summary>
    public bool DeliberationOpen(DateTime now) => Phase == DebatePhase.Deliberation && now < EndOfDay(ScheduleOf(DebatePhase.Deliberation).PlannedEnd);

    public DebateChange Edit(DebateContent content, DateTime now)
    {
        if (Phase != DebatePhase.Preparation)
        {
            throw new DebateRuleException("A debate can be edited only while it is being prepared.");
        }

        if (content.Dates.Count != PlannedPhases.Count)
        {
            throw new DebateRuleException("Give planned dates for every phase.");
        }

        for (var i = 0; i < content.Dates.Count; i++)
        {
            var (start, end) = content.Dates[i];
            if (end < start)
            {
                throw new DebateRuleException("A phase cannot end before it starts.");
            }

            if (i > 0 && start <= content.Dates[i - 1].End)
            {
                throw new DebateRuleException("Each phase must start after the one before it ends.");
            }
        }

        var changed = new List<string>();
        void Set<T>(string name, T current, T value, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                changed.Add(name);
            }
        }

        Set("title", Title, content.Title.Trim(), v => Title = v);
        Set("summary", Summary, content.Summary.Trim(), v => Summary = v);
        Set("briefing", Briefing, content.Briefing.Trim(), v => Briefing = v);
        Set("arguments-for", ArgumentsFor, content.ArgumentsFor.Trim(), v => ArgumentsFor = v);
        Set("arguments-against", ArgumentsAgainst, content.ArgumentsAgainst.Trim(), v => ArgumentsAgainst = v);
        Set("expert-statements", ExpertStatements, content.ExpertStatements.Trim(), v => ExpertStatements = v);
        Set("verification", MinimumLevel, content.MinimumLevel, v => MinimumLevel = v);
        for (var i = 0; i < PlannedPhases.Count; i++)
        {
            var s = _schedule.Single(x => x.Phase == PlannedPhases[i]);
            if (s.PlannedStart != content.Dates[i].Start || s.PlannedEnd != content.Dates[i].End)
            {
                (s.PlannedStart, s.PlannedEnd) = content.Dates[i];
                changed.Add("dates");
            }
        }

        UpdatedAt = now;
        return new DebateChange("edited", string.Join(", ", changed.Distinct()), null);
    }

    /// <summary>Moves on to the next phase; before the current phase's planned end (closing it early) only with a reason.</summary>
    public DebateChange MoveOn(string? reason, DateOnly today, DateTime now)
    {
        if (Phase == DebatePhase.Concluded)
        {
            throw new DebateRuleException("The debate has concluded.");
        }

        var current = ScheduleOf(Phase);
        var early = today < current.PlannedEnd;
        if (early && string.IsNullOrWhiteSpace(reason))
        {
            throw new DebateRuleException("Closing a phase before its planned end needs a reason.");
        }

        if (Phase == DebatePhase.Preparation && string.IsNullOrWhiteSpace(Briefing))
        {
            throw new DebateRuleException("Write the briefing before the learning phase starts.");
        }

        var from = Phase;
        current.EndedAt = now;
        Phase = from + 1;
        if (Phase != DebatePhase.Concluded)
        {
            ScheduleOf(Phase).StartedAt = now;
        }

        UpdatedAt = now;
        return new DebateChange(early ? "closed-early" : "moved-on", $"{from} → {Phase}", string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
    }

    /// <summary>Extends the current phase to a later planned end, with a reason; later phases move by as many days.</summary>
    public DebateChange Extend(DateOnly newEnd, string reason, DateTime now)
    {
        if (Phase == DebatePhase.Concluded)
        {
            throw new DebateRuleException("The debate has concluded.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DebateRuleException("Extending a phase needs a reason.");
        }

        var current = ScheduleOf(Phase);
        var days = newEnd.DayNumber - current.PlannedEnd.DayNumber;
        if (days <= 0)
        {
            throw new DebateRuleException("The new end must be later than the planned end.");
        }

        var old = current.PlannedEnd;
        current.PlannedEnd = newEnd;
        foreach (var later in _schedule.Where(s => s.Phase > Phase))
        {
            (later.PlannedStart, later.PlannedEnd) = (later.PlannedStart.AddDays(days), later.PlannedEnd.AddDays(days));
        }

        UpdatedAt = now;
        return new DebateChange("extended", $"{Phase}: {old:yyyy-MM-dd} → {newEnd:yyyy-MM-dd}", reason.Trim());
    }

    /// <summary>The end of a Korean calendar day, in UTC.</summary>
    public static DateTime EndOfDay(DateOnly day) => day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-9);
}

/// <summary>What the committee writes while preparing a debate.</summary>
public sealed record DebateContent(
    string Title, string Summary, string Briefing, string ArgumentsFor, string ArgumentsAgainst, string ExpertStatements,
    VerificationLevel MinimumLevel, IReadOnlyList<(DateOnly Start, DateOnly End)> Dates);

/// <summary>One entry of a debate's public log: who changed what, when and why.</summary>
public sealed class DebateLogEntry
{
    private DebateLogEntry() { }

    public DebateLogEntry(int debateId, DebateChange change, Guid? actorId, string actorName, DateTime now)
    {
        DebateId = debateId;
        Action = change.Action;
        Detail = change.Detail.Length > 500 ? change.Detail[..500] : change.Detail;
        Reason = change.Reason;
        ActorId = actorId;
        ActorName = actorName;
        At = now;
    }

    public long Id { get; private set; }
    public int DebateId { get; private set; }
    public string Action { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public string? Reason { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTime At { get; private set; }
}
