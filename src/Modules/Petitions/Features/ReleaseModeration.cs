using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed record ReleaseModeration(int PetitionId, Guid StaffId) : ICommand<bool>;

public sealed class ReleaseModerationHandler(SiteDbContext db) : IRequestHandler<ReleaseModeration, bool>
{
    public async Task<bool> Handle(ReleaseModeration request, CancellationToken cancellationToken) =>
        await db.Set<Petition>().Where(p => p.Id == request.PetitionId && p.ModerationLockedBy == request.StaffId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.ModerationLockedBy, (Guid?)null)
                .SetProperty(p => p.ModerationLockedByName, (string?)null)
                .SetProperty(p => p.ModerationLockedUntil, (DateTime?)null), cancellationToken) > 0;
}
