using CitizenParticipation.Modules.Debates.Domain;

namespace CitizenParticipation.Tests.Unit;

/// <summary>The deliberative poll's rules: questions only while preparing, which survey each phase opens, complete answer sets on the 1–5 scale.</summary>
public sealed class DeliberativePollRulesTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Day0 = new(2026, 3, 2);
    private static readonly Guid Person = Guid.NewGuid();

    private static Debate In(DebatePhase phase)
    {
        var debate = new Debate("수소연료전지 발전소 건립", 1, Day0, T0);
        debate.Edit(new DebateContent(debate.Title, "요약", "## 배경", "", "", "", Core.Data.VerificationLevel.EmailConfirmed,
            debate.Schedule.OrderBy(s => s.Phase).Select(s => (s.PlannedStart, s.PlannedEnd)).ToList()), T0);
        while (debate.Phase < phase)
        {
            debate.MoveOn(null, debate.ScheduleOf(debate.Phase).PlannedEnd.AddDays(1), T0);
        }

        return debate;
    }

    [Fact]
    public void Questions_are_added_only_while_the_debate_is_prepared_with_both_end_labels_and_numbered_in_order()
    {
        var question = PollQuestion.Add(In(DebatePhase.Preparation), 2, " 발전소가 안전하다고 생각한다 ", "전혀 아니다", "매우 그렇다");
        Assert.Equal(3, question.Position);
        Assert.Equal("발전소가 안전하다고 생각한다", question.Text);

        Assert.Throws<DebateRuleException>(() => PollQuestion.Add(In(DebatePhase.Learning), 0, "질문", "낮음", "높음"));
        Assert.Throws<DebateRuleException>(() => PollQuestion.Add(In(DebatePhase.Preparation), 0, "질문", " ", "높음"));
        Assert.Throws<DebateRuleException>(() => PollQuestion.Add(In(DebatePhase.Preparation), PollQuestion.MaxQuestions, "질문", "낮음", "높음"));
    }

    [Theory]
    [InlineData(DebatePhase.Preparation, null)]
    [InlineData(DebatePhase.Learning, PollSurvey.Before)]
    [InlineData(DebatePhase.Deliberation, null)]
    [InlineData(DebatePhase.ClosingSurvey, PollSurvey.After)]
    [InlineData(DebatePhase.Recommendation, null)]
    public void The_first_survey_is_open_in_the_learning_phase_and_the_closing_survey_in_its_own(DebatePhase phase, PollSurvey? open)
    {
        Assert.Equal(open, PollResponse.OpenSurvey(In(phase)));
        if (open is null)
        {
            Assert.Throws<DebateRuleException>(() => PollResponse.Answer(In(phase), [], new Dictionary<int, int?> { [0] = 3 }, Person, T0));
        }
    }

    [Fact]
    public void An_answer_set_holds_the_stance_and_every_question_on_the_scale_and_nothing_else()
    {
        var debate = In(DebatePhase.ClosingSurvey);
        var response = PollResponse.Answer(debate, [7, 9], new Dictionary<int, int?> { [0] = 1, [7] = 5, [9] = 3 }, Person, T0);
        Assert.Equal(PollSurvey.After, response.Survey);
        Assert.Equal([(null, 1), (7, 5), (9, 3)], response.Answers.Select(a => (a.QuestionId, a.Value)));

        Assert.Throws<DebateRuleException>(() => PollResponse.Answer(debate, [7, 9], new Dictionary<int, int?> { [0] = 1, [7] = 5 }, Person, T0));
        Assert.Throws<DebateRuleException>(() => PollResponse.Answer(debate, [7, 9], new Dictionary<int, int?> { [0] = 1, [7] = 5, [9] = null }, Person, T0));
        Assert.Throws<DebateRuleException>(() => PollResponse.Answer(debate, [7, 9], new Dictionary<int, int?> { [0] = 6, [7] = 5, [9] = 3 }, Person, T0));
        Assert.Throws<DebateRuleException>(() => PollResponse.Answer(debate, [7, 9], new Dictionary<int, int?> { [0] = 0, [7] = 5, [9] = 3 }, Person, T0));
        Assert.Throws<DebateRuleException>(() => PollResponse.Answer(debate, [7], new Dictionary<int, int?> { [0] = 2, [7] = 5, [8] = 3 }, Person, T0));
    }
}
