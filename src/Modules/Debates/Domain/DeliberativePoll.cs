namespace CitizenParticipation.Modules.Debates.Domain;

/// <summary>The two surveys of a deliberative poll: before deliberation (open while the debate is in its learning phase) and after it.</summary>
public enum PollSurvey
{
    Before = 1,
    After = 2,
}

/// <summary>
/// A question of a debate's deliberative poll, on a 1–5 scale with its two end labels. The committee writes the
/// questions while the debate is prepared; the stance on the agenda itself is always the first question and is not
/// stored as a row (its answers carry no question id, see <see cref="PollAnswer"/>).
/// </summary>
public sealed class PollQuestion
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;
    public const int MaxText = 300;
    public const int MaxLabel = 50;
    public const int MaxQuestions = 20;

    private PollQuestion() { }

    private PollQuestion(int debateId, int position, string text, string lowLabel, string highLabel)
    {
        DebateId = debateId;
        Position = position;
        Text = text;
        LowLabel = lowLabel;
        HighLabel = highLabel;
    }

    public int Id { get; private set; }
    public int DebateId { get; private set; }
    public int Position { get; private set; }
    public string Text { get; private set; } = "";
    public string LowLabel { get; private set; } = "";
    public string HighLabel { get; private set; } = "";

    /// <summary>A new question, after the <paramref name="existing"/> ones; only while the debate is prepared, so that both surveys ask the same.</summary>
    public static PollQuestion Add(Debate debate, int existing, string text, string lowLabel, string highLabel)
    {
        RequirePreparation(debate);
        if (existing >= MaxQuestions)
        {
            throw new DebateRuleException("A poll can have at most 20 questions besides the stance on the agenda.");
        }

        if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(lowLabel) || string.IsNullOrWhiteSpace(highLabel))
        {
            throw new DebateRuleException("Write the question and the labels of both ends of its scale.");
        }

        return new PollQuestion(debate.Id, existing + 1, text.Trim(), lowLabel.Trim(), highLabel.Trim());
    }

    /// <summary>Questions change only while the debate is prepared: after that the first survey may already have asked them.</summary>
    public static void RequirePreparation(Debate debate)
    {
        if (debate.Phase != DebatePhase.Preparation)
        {
            throw new DebateRuleException("Poll questions can be changed only while the debate is being prepared.");
        }
    }
}

/// <summary>One person's answers to one survey of a debate's poll; the unique index (debate, survey, respondent) keeps it to one.</summary>
public sealed class PollResponse
{
    private readonly List<PollAnswer> _answers = [];

    private PollResponse() { }

    private PollResponse(int debateId, PollSurvey survey, Guid respondentId, DateTime now)
    {
        DebateId = debateId;
        Survey = survey;
        RespondentId = respondentId;
        At = now;
    }

    public long Id { get; private set; }
    public int DebateId { get; private set; }
    public PollSurvey Survey { get; private set; }
    public Guid RespondentId { get; private set; }
    public DateTime At { get; private set; }
    public IReadOnlyList<PollAnswer> Answers => _answers;

    /// <summary>Which survey is open in the debate's current phase, if any.</summary>
    public static PollSurvey? OpenSurvey(Debate debate) => debate.Phase switch
    {
        DebatePhase.Learning => PollSurvey.Before,
        DebatePhase.ClosingSurvey => PollSurvey.After,
        _ => null,
    };

    /// <summary>
    /// A complete answer set for the survey open now: the stance (key <c>0</c>) and every question of
    /// <paramref name="questionIds"/>, each on the 1–5 scale, nothing else.
    /// </summary>
    public static PollResponse Answer(Debate debate, IReadOnlyCollection<int> questionIds, IReadOnlyDictionary<int, int?> answers, Guid respondentId, DateTime now)
    {
        var survey = OpenSurvey(debate)
            ?? throw new DebateRuleException("The survey is not open now: the first survey is open during the learning phase, the closing survey during the closing survey phase.");
        var expected = questionIds.Prepend(0).ToHashSet();
        if (expected.Any(q => !answers.TryGetValue(q, out var v) || v is null))
        {
            throw new DebateRuleException("Answer every question of the survey.");
        }

        if (answers.Keys.Any(k => !expected.Contains(k)) || answers.Values.Any(v => v is < PollQuestion.ScaleMin or > PollQuestion.ScaleMax))
        {
            throw new DebateRuleException("Each answer must be a value from 1 to 5 for a question of this survey.");
        }

        var response = new PollResponse(debate.Id, survey, respondentId, now);
        foreach (var q in expected.Order())
        {
            response._answers.Add(new PollAnswer(q == 0 ? null : q, answers[q]!.Value));
        }

        return response;
    }
}

/// <summary>One answer of a <see cref="PollResponse"/>; <see cref="QuestionId"/> is null for the stance on the agenda.</summary>
public sealed class PollAnswer
{
    private PollAnswer() { }

    internal PollAnswer(int? questionId, int value)
    {
        QuestionId = questionId;
        Value = value;
    }

    public long Id { get; private set; }
    public long ResponseId { get; private set; }
    public int? QuestionId { get; private set; }
    public int Value { get; private set; }
}
