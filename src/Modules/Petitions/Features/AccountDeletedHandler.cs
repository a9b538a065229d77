using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <summary>
/// A deleted account's signatures keep counting, and its petitions and staff actions keep their history,
/// under the anonymised name.
/// </summary>
public sealed class AccountDeletedHandler(SiteDbContext db) : INotificationHandler<AccountDeleted>
{
    public async Task Handle(AccountDeleted notification, CancellationToken cancellationToken)
    {
        var id = notification.UserId;
        var name = notification.AnonymisedName;
        await db.Set<PetitionSignature>().Where(s => s.UserId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SignerName, name).SetProperty(s => s.IpAddress, (string?)null), cancellationToken);
        await db.Set<Petition>().Where(p => p.AuthorId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.AuthorName, name), cancellationToken);
        await db.Set<PetitionEvent>().Where(e => e.ActorId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorName, name), cancellationToken);
        await db.Set<SignatureInvalidation>().Where(i => i.StaffId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.StaffName, name), cancellationToken);
        await db.Set<Petition>().Where(p => p.ModerationLockedBy == id)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.ModerationLockedBy, (Guid?)null)
                .SetProperty(p => p.ModerationLockedByName, (string?)null)
                .SetProperty(p => p.ModerationLockedUntil, (DateTime?)null), cancellationToken);
    }
}
