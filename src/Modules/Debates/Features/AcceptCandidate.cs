using System.Security.Claims;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>The committee takes a candidate on: a debate is prepared under its title, and the candidate links to it.</summary>
public sealed record AcceptCandidate(int CandidateId, ClaimsPrincipal Actor) : ICommand<int>;

public sealed class AcceptCandidateHandler(SiteDbContext db, DebateAccess access, TimeProvider clock, IStringLocalizer<AcceptCandidate> t)
    : IRequestHandler<AcceptCandidate, int>
{
    public async Task<int> Handle(AcceptCandidate request, CancellationToken cancellationToken)
    {
        await access.RequireAsync(request.Actor, DebatePermissions.Manage);
        var candidate = await db.Set<AgendaCandidate>().FirstOrDefaultAsync(c => c.Id == request.CandidateId, cancellationToken)
                        ?? throw new RequestValidationException("", t["The candidate was not found."]);
        if (candidate.State != AgendaState.BeforeCommittee)
        {
            throw new RequestValidationException("", t["Only a candidate before the committee can be accepted."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var debate = new Debate(candidate.Title, candidate.Id, KoreaTime.Today(clock), now);
        db.Add(debate);
        await db.SaveChangesAsync(cancellationToken);
        DebateRules.Run(t, () =>
        {
            candidate.Accept(debate.Id, request.Actor.DisplayName(), now);
            return true;
        });
        db.Add(new DebateLogEntry(debate.Id, new DebateChange("created", candidate.Title, null), request.Actor.UserId(), request.Actor.DisplayName(), now));
        await db.SaveCommitteeDecisionAsync(t, cancellationToken);
        return debate.Id;
    }
}
