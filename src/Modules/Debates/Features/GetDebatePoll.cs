using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Debates.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>A poll question as asked; <see cref="Id"/> 0 is the stance on the agenda, whose labels the views supply.</summary>
public sealed record PollQuestionLine(int Id, string Text, string? LowLabel, string? HighLabel)
{
    public bool IsStance => Id == 0;
}

public sealed record PollResultLine(PollQuestionLine Question, PollComparison Comparison);

/// <param name="Open">The survey open now, if any.</param>
/// <param name="Mine">The viewer's answers by survey, then by question id.</param>
/// <param name="Results">Per question, before against after; null while they are not shown to this viewer.</param>
public sealed record PollView(
    IReadOnlyList<PollQuestionLine> Questions, PollSurvey? Open, IReadOnlyDictionary<PollSurvey, IReadOnlyDictionary<int, int>> Mine,
    int RespondentsBefore, int RespondentsAfter, IReadOnlyList<PollResultLine>? Results);

/// <summary>
/// A debate's deliberative poll: its questions, the survey open now, the viewer's own answers, and the results:
/// public once the closing survey is closed, to the committee (<see cref="Committee"/>) at any time.
/// </summary>
public sealed record GetDebatePoll(int DebateId, Guid? Viewer, bool Committee = false) : IRequest<PollView?>;

public sealed class GetDebatePollHandler(SiteDbContext db) : IRequestHandler<GetDebatePoll, PollView?>
{
    public async Task<PollView?> Handle(GetDebatePoll request, CancellationToken cancellationToken)
    {
        var debate = await db.Set<Debate>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DebateId, cancellationToken);
        if (debate is null)
        {
            return null;
        }

        var questions = await db.Set<PollQuestion>().AsNoTracking().Where(q => q.DebateId == debate.Id).OrderBy(q => q.Position).ThenBy(q => q.Id)
            .Select(q => new PollQuestionLine(q.Id, q.Text, q.LowLabel, q.HighLabel)).ToListAsync(cancellationToken);
        questions.Insert(0, new PollQuestionLine(0, debate.Title, null, null));

        var answers = await db.Set<PollResponse>().AsNoTracking().Where(r => r.DebateId == debate.Id)
            .SelectMany(r => r.Answers, (r, a) => new { r.Survey, r.RespondentId, a.QuestionId, a.Value })
            .ToListAsync(cancellationToken);
        var mine = answers.Where(a => a.RespondentId == request.Viewer).GroupBy(a => a.Survey)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, int>)g.ToDictionary(a => a.QuestionId ?? 0, a => a.Value));
        int Respondents(PollSurvey survey) => answers.Where(a => a.Survey == survey).Select(a => a.RespondentId).Distinct().Count();

        List<PollResultLine>? results = null;
        if (request.Committee || debate.Phase > DebatePhase.ClosingSurvey)
        {
            // The comparer pairs answers by participant number; accounts are numbered here and go no further.
            var numbers = answers.Select(a => a.RespondentId).Distinct().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            Dictionary<int, int> Of(int question, PollSurvey survey) => answers.Where(a => (a.QuestionId ?? 0) == question && a.Survey == survey)
                .ToDictionary(a => numbers[a.RespondentId], a => a.Value);
            results = questions.Select(q => new PollResultLine(q,
                PollComparer.Compare(Of(q.Id, PollSurvey.Before), Of(q.Id, PollSurvey.After), PollQuestion.ScaleMin, PollQuestion.ScaleMax))).ToList();
        }

        return new PollView(questions, debate.IsPublic ? PollResponse.OpenSurvey(debate) : null, mine,
            Respondents(PollSurvey.Before), Respondents(PollSurvey.After), results);
    }
}
