using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <summary>
/// Who reviews a petition, as its admin page shows it: null when nobody does (or the lock ran out), held when
/// <see cref="StaffId"/> does. Only reads: taking the lock is a POST (<see cref="ClaimModeration"/>).
/// </summary>
public sealed record GetModerationLock(int PetitionId, Guid StaffId) : IRequest<ModerationLock?>;

public sealed class GetModerationLockHandler(SiteDbContext db, TimeProvider clock) : IRequestHandler<GetModerationLock, ModerationLock?>
{
    public async Task<ModerationLock?> Handle(GetModerationLock request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var holder = await db.Set<Petition>().AsNoTracking()
            .Where(p => p.Id == request.PetitionId && p.ModerationLockedBy != null && p.ModerationLockedUntil > now)
            .Select(p => new { p.ModerationLockedBy, p.ModerationLockedByName, p.ModerationLockedUntil })
            .FirstOrDefaultAsync(cancellationToken);
        return holder is null ? null : new ModerationLock(holder.ModerationLockedBy == request.StaffId, holder.ModerationLockedByName, holder.ModerationLockedUntil);
    }
}
