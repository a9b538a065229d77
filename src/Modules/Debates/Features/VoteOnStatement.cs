using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>
/// A participant agrees with, disagrees with or passes on a statement; voting again changes the vote. One row per
/// person and statement, by the primary key: not one transaction but single statements, each atomic (change the
/// existing vote; else insert; an insert that lost a race to the same person's other request changes the row the
/// winner wrote), so that many votes at once neither wait on each other's transactions nor leave two rows.
/// </summary>
[EvictsPublicPages(DebateCaching.Tag)]
public sealed record VoteOnStatement(int DebateId, int StatementId, Guid VoterId, StatementVote Value) : IRequest<bool>;

public sealed class VoteOnStatementHandler(SiteDbContext db, DebateAccess access, TimeProvider clock, IStringLocalizer<VoteOnStatement> t) : IRequestHandler<VoteOnStatement, bool>
{
    public async Task<bool> Handle(VoteOnStatement request, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(request.Value))
        {
            throw new RequestValidationException("", t["Choose agree, disagree or pass."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await Participation.CheckAsync(db, access, request.DebateId, request.VoterId, now, t, cancellationToken);
        if (!await db.Set<Statement>().AnyAsync(s => s.Id == request.StatementId && s.DebateId == request.DebateId && s.HiddenAt == null, cancellationToken))
        {
            throw new RequestValidationException("", t["The statement was not found or was hidden."]);
        }

        if (await ChangeAsync(request, now, cancellationToken))
        {
            return true;
        }

        db.Add(new StatementVoteRow(request.StatementId, request.DebateId, request.VoterId, request.Value, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await ChangeAsync(request, now, cancellationToken))
            {
                throw;
            }
        }

        return true;
    }

    private async Task<bool> ChangeAsync(VoteOnStatement request, DateTime now, CancellationToken cancellationToken) =>
        await db.Set<StatementVoteRow>().Where(v => v.StatementId == request.StatementId && v.VoterId == request.VoterId)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Value, request.Value).SetProperty(v => v.At, now), cancellationToken) == 1;
}
