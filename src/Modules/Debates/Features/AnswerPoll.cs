using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>
/// A participant answers the survey open now (the first in the learning phase, the closing one in the closing survey
/// phase), at the debate's verification level: the stance (key 0) and every question, once. The unique index on
/// (debate, survey, respondent) keeps it to one answer set however many requests arrive at once.
/// </summary>
public sealed class AnswerPoll : ICommand<PollSurvey>
{
    [BindNever]
    public int DebateId { get; set; }

    [BindNever]
    public Guid RespondentId { get; set; }

    /// <summary>Question id → value from 1 to 5; key 0 is the stance on the agenda.</summary>
    public Dictionary<int, int?> Answers { get; set; } = [];
}

public sealed class AnswerPollHandler(SiteDbContext db, DebateAccess access, TimeProvider clock, IStringLocalizer<AnswerPoll> t) : IRequestHandler<AnswerPoll, PollSurvey>
{
    public async Task<PollSurvey> Handle(AnswerPoll request, CancellationToken cancellationToken)
    {
        var debate = await db.Set<Debate>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DebateId, cancellationToken);
        if (debate is null || !debate.IsPublic)
        {
            throw new RequestValidationException("", t["The debate was not found."]);
        }

        if (PollResponse.OpenSurvey(debate) is not { } survey)
        {
            throw new RequestValidationException("", t["The survey is not open now: the first survey is open during the learning phase, the closing survey during the closing survey phase."]);
        }

        await Participation.CheckLevelAsync(access, debate, request.RespondentId, t, cancellationToken);
        if (await AnsweredAsync(request, survey, cancellationToken))
        {
            throw Already();
        }

        var questions = await db.Set<PollQuestion>().Where(q => q.DebateId == debate.Id).Select(q => q.Id).ToListAsync(cancellationToken);
        var response = DebateRules.Run(t, () => PollResponse.Answer(debate, questions, request.Answers, request.RespondentId, clock.GetUtcNow().UtcDateTime));
        db.Add(response);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person's other request won the race: the index refused this one.
            db.ChangeTracker.Clear();
            if (await AnsweredAsync(request, survey, cancellationToken))
            {
                throw Already();
            }

            throw;
        }

        return survey;
    }

    private Task<bool> AnsweredAsync(AnswerPoll request, PollSurvey survey, CancellationToken cancellationToken) =>
        db.Set<PollResponse>().AnyAsync(r => r.DebateId == request.DebateId && r.Survey == survey && r.RespondentId == request.RespondentId, cancellationToken);

    private RequestValidationException Already() => new("", t["You have already answered this survey; each person answers it once."]);
}
