using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Petitions.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <summary>
/// Takes (or renews) the moderation lock for fifteen minutes. One conditional UPDATE does it, so two
/// staff members starting to review the same petition at the same moment cannot both get it.
/// </summary>
public sealed record ClaimModeration(int PetitionId, Guid StaffId, string StaffName) : ICommand<ModerationLock>;

public sealed record ModerationLock(bool Held, string? HolderName, DateTime? Until);

public sealed class ClaimModerationHandler(SiteDbContext db, TimeProvider clock) : IRequestHandler<ClaimModeration, ModerationLock>
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public async Task<ModerationLock> Handle(ClaimModeration request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Duration;
        var taken = await db.Set<Petition>()
            .Where(p => p.Id == request.PetitionId && (p.ModerationLockedBy == null || p.ModerationLockedBy == request.StaffId || p.ModerationLockedUntil < now))
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.ModerationLockedBy, request.StaffId)
                .SetProperty(p => p.ModerationLockedByName, request.StaffName)
                .SetProperty(p => p.ModerationLockedUntil, until), cancellationToken);
        if (taken > 0)
        {
            return new ModerationLock(true, request.StaffName, until);
        }

        var holder = await db.Set<Petition>().AsNoTracking().Where(p => p.Id == request.PetitionId)
            .Select(p => new { p.ModerationLockedByName, p.ModerationLockedUntil }).FirstOrDefaultAsync(cancellationToken);
        return new ModerationLock(false, holder?.ModerationLockedByName, holder?.ModerationLockedUntil);
    }
}
