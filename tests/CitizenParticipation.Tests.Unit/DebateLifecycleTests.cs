using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Debates.Domain;

namespace CitizenParticipation.Tests.Unit;

/// <summary>The debate's phase state machine: the order of phases, closing early, extending, editing only while preparing, the time box.</summary>
public sealed class DebateLifecycleTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day0 = new(2026, 3, 2);

    private static Debate Prepared()
    {
        var debate = new Debate("수소연료전지 발전소 건립", 1, Day0, T0);
        debate.Edit(Content(debate, briefing: "## 배경\n발전소 건립 계획"), T0);
        return debate;
    }

    private static DebateContent Content(Debate debate, string briefing = "", VerificationLevel level = VerificationLevel.EmailConfirmed,
        IReadOnlyList<(DateOnly, DateOnly)>? dates = null) =>
        new(debate.Title, "요약", briefing, "찬성", "반대", "전문가", level,
            dates ?? debate.Schedule.OrderBy(s => s.Phase).Select(s => (s.PlannedStart, s.PlannedEnd)).ToList());

    /// <summary>Moves on after each phase's planned end, so that no reason is needed.</summary>
    private static Debate In(DebatePhase phase)
    {
        var debate = Prepared();
        while (debate.Phase < phase)
        {
            var end = debate.ScheduleOf(debate.Phase).PlannedEnd.AddDays(1);
            debate.MoveOn(null, end, T0);
        }

        return debate;
    }

    [Fact]
    public void A_new_debate_is_in_preparation_with_planned_dates_for_every_phase_one_after_another()
    {
        var debate = new Debate("안건", null, Day0, T0);

        Assert.Equal(DebatePhase.Preparation, debate.Phase);
        Assert.False(debate.IsPublic);
        Assert.Equal(Debate.PlannedPhases, debate.Schedule.Select(s => s.Phase));
        Assert.All(debate.Schedule.Zip(debate.Schedule.Skip(1)), pair => Assert.True(pair.Second.PlannedStart > pair.First.PlannedEnd));
        Assert.Equal(T0, debate.ScheduleOf(DebatePhase.Preparation).StartedAt);
    }

    [Fact]
    public void The_phases_follow_one_another_in_order_up_to_concluded_and_no_further()
    {
        var debate = Prepared();
        var seen = new List<DebatePhase> { debate.Phase };
        while (debate.Phase != DebatePhase.Concluded)
        {
            var change = debate.MoveOn(null, debate.ScheduleOf(debate.Phase).PlannedEnd.AddDays(1), T0);
            Assert.Equal("moved-on", change.Action);
            seen.Add(debate.Phase);
        }

        Assert.Equal(Enum.GetValues<DebatePhase>(), seen);
        Assert.Throws<DebateRuleException>(() => debate.MoveOn("다시", Day0, T0));
        Assert.All(debate.Schedule, s => Assert.NotNull(s.EndedAt));
    }

    [Fact]
    public void Closing_a_phase_before_its_planned_end_needs_a_reason_and_is_logged_as_closing_early()
    {
        var debate = In(DebatePhase.Learning);

        Assert.Throws<DebateRuleException>(() => debate.MoveOn(" ", debate.ScheduleOf(DebatePhase.Learning).PlannedStart, T0));
        Assert.Equal(DebatePhase.Learning, debate.Phase);

        var change = debate.MoveOn("학습자료 열람이 충분함", debate.ScheduleOf(DebatePhase.Learning).PlannedStart, T0);
        Assert.Equal(DebatePhase.Deliberation, debate.Phase);
        Assert.Equal("closed-early", change.Action);
        Assert.Equal("학습자료 열람이 충분함", change.Reason);
    }

    [Fact]
    public void The_learning_phase_does_not_start_without_a_briefing()
    {
        var debate = new Debate("안건", null, Day0, T0);

        Assert.Throws<DebateRuleException>(() => debate.MoveOn(null, debate.ScheduleOf(DebatePhase.Preparation).PlannedEnd.AddDays(1), T0));
        Assert.Equal(DebatePhase.Preparation, debate.Phase);
    }

    [Fact]
    public void Extending_needs_a_reason_and_a_later_end_and_moves_the_later_phases_by_as_many_days()
    {
        var debate = In(DebatePhase.Deliberation);
        var end = debate.ScheduleOf(DebatePhase.Deliberation).PlannedEnd;
        var surveyStart = debate.ScheduleOf(DebatePhase.ClosingSurvey).PlannedStart;

        Assert.Throws<DebateRuleException>(() => debate.Extend(end.AddDays(7), "", T0));
        Assert.Throws<DebateRuleException>(() => debate.Extend(end, "참여자 요청", T0));
        var change = debate.Extend(end.AddDays(7), "참여자 요청", T0);

        Assert.Equal("extended", change.Action);
        Assert.Equal(end.AddDays(7), debate.ScheduleOf(DebatePhase.Deliberation).PlannedEnd);
        Assert.Equal(surveyStart.AddDays(7), debate.ScheduleOf(DebatePhase.ClosingSurvey).PlannedStart);
        Assert.Equal(DebatePhase.Deliberation, debate.Phase);
    }

    [Fact]
    public void A_debate_is_edited_only_while_it_is_prepared_and_with_phases_in_order()
    {
        var debate = new Debate("안건", null, Day0, T0);
        var overlapping = debate.Schedule.OrderBy(s => s.Phase).Select(s => (s.PlannedStart, s.PlannedEnd)).ToList();
        overlapping[2] = (overlapping[1].PlannedStart, overlapping[2].PlannedEnd);

        Assert.Throws<DebateRuleException>(() => debate.Edit(Content(debate, dates: overlapping), T0));
        var change = debate.Edit(Content(debate, briefing: "자료", level: VerificationLevel.ResidentVerified), T0);
        Assert.Contains("verification", change.Detail);
        Assert.Equal(VerificationLevel.ResidentVerified, debate.MinimumLevel);

        var learning = In(DebatePhase.Learning);
        Assert.Throws<DebateRuleException>(() => learning.Edit(Content(learning, briefing: "바뀐 자료"), T0));
    }

    [Fact]
    public void Statements_are_taken_only_in_deliberation_until_the_end_of_its_last_planned_day_in_Korea()
    {
        var learning = In(DebatePhase.Learning);
        Assert.False(learning.DeliberationOpen(T0));

        var debate = In(DebatePhase.Deliberation);
        var lastDay = debate.ScheduleOf(DebatePhase.Deliberation).PlannedEnd;
        // 23:59 on the last day in Korea is 14:59 UTC; midnight is 15:00 UTC.
        Assert.True(debate.DeliberationOpen(lastDay.ToDateTime(new TimeOnly(14, 59), DateTimeKind.Utc)));
        Assert.False(debate.DeliberationOpen(lastDay.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc)));

        debate.MoveOn(null, lastDay.AddDays(1), T0);
        Assert.False(debate.DeliberationOpen(T0));
    }
}
