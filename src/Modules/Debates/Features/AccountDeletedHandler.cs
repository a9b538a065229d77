using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Debates.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>
/// A deleted account's statements, votes, supports and suggestions keep counting, and the committee's log keeps its
/// entries, under the anonymised name.
/// </summary>
public sealed class AccountDeletedHandler(SiteDbContext db) : INotificationHandler<AccountDeleted>
{
    public async Task Handle(AccountDeleted notification, CancellationToken cancellationToken)
    {
        var id = notification.UserId;
        var name = notification.AnonymisedName;
        await db.Set<Statement>().Where(s => s.AuthorId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.AuthorName, name), cancellationToken);
        await db.Set<AgendaCandidate>().Where(c => c.ProposedById == id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ProposedByName, name), cancellationToken);
        await db.Set<DebateLogEntry>().Where(l => l.ActorId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.ActorName, name), cancellationToken);
    }
}
