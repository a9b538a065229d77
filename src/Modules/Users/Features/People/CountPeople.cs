using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Users.Features.People;

public sealed class CountPeopleHandler(SiteDbContext db) : IRequestHandler<CountPeople, PeopleCounts>
{
    public async Task<PeopleCounts> Handle(CountPeople request, CancellationToken cancellationToken)
    {
        // Deleted accounts keep their row (contributions stay), but they are no longer people.
        var users = db.Users.Where(u => u.DeletedAt == null);
        var total = await users.CountAsync(cancellationToken);
        var resident = await users.CountAsync(u => u.ResidentVerified, cancellationToken);
        var email = await users.CountAsync(u => !u.ResidentVerified && u.EmailConfirmed, cancellationToken);
        var roles = await db.Roles
            .OrderBy(r => r.Name)
            .Select(r => new RoleMembers(r.Name!, db.UserRoles.Count(ur => ur.RoleId == r.Id && db.Users.Any(u => u.Id == ur.UserId && u.DeletedAt == null))))
            .ToListAsync(cancellationToken);
        return new PeopleCounts(total, total - resident - email, email, resident, roles);
    }
}
