using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Registry.Features;

/// <summary>Links a waiting outcome to a task, or (TaskId null) makes a citizen-born task of it.</summary>
public sealed record LinkOutcome(int OutcomeId, int? TaskId) : ICommand<int>;

public sealed class LinkOutcomeHandler(SiteDbContext db, TimeProvider clock, IStringLocalizer<LinkOutcome> t) : IRequestHandler<LinkOutcome, int>
{
    public async Task<int> Handle(LinkOutcome request, CancellationToken cancellationToken)
    {
        var outcome = await db.Set<ReceivedOutcome>().FirstOrDefaultAsync(o => o.Id == request.OutcomeId, cancellationToken)
                      ?? throw new RequestValidationException("", t["The outcome does not exist."]);
        if (outcome.TaskId is not null)
        {
            throw new RequestValidationException("", t["This outcome is already linked to a task."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var task = request.TaskId is { } taskId
            ? await db.LoadWithFamilyAsync(taskId, cancellationToken) ?? throw new RequestValidationException("TaskId", t["The task does not exist."])
            : await CitizenBornTask.CreateAsync(db, outcome, now, cancellationToken);
        RuleGuard.Run(t, () => outcome.LinkTo(task, task.AddOutcome(outcome.ToNotification(), now), now));
        await db.SaveChangesAsync(cancellationToken);
        return task.Id;
    }
}
