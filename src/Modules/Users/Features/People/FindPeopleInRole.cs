using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Users.Features.People;

public sealed class FindPeopleInRoleHandler(SiteDbContext db) : IRequestHandler<FindPeopleInRole, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(FindPeopleInRole request, CancellationToken cancellationToken) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               join u in db.Users on ur.UserId equals u.Id
               where r.Name == request.Role && u.DeletedAt == null
               select u.Id).Distinct().ToListAsync(cancellationToken);
}
