using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Features.Admin;

public static class GetRoleMatrix
{
    public sealed record RoleRow(Guid Id, string Name, bool HoldsEverything, IReadOnlySet<string> Granted);

    public sealed record Result(IReadOnlyList<Permission> Permissions, IReadOnlyList<RoleRow> Roles);

    public sealed record Query : IRequest<Result>;

    public sealed class Handler(SiteDbContext db, PermissionRegistry registry) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var roles = await db.Roles.AsNoTracking().ToListAsync(cancellationToken);
            var grants = await db.RolePermissions.AsNoTracking().ToListAsync(cancellationToken);
            var order = StandardRoles.All.ToList();
            var rows = roles
                .OrderBy(r => order.IndexOf(r.Name!) is var i and >= 0 ? i : int.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new RoleRow(r.Id, r.Name!, r.Name == StandardRoles.Administrator,
                    grants.Where(g => g.RoleId == r.Id).Select(g => g.Permission).ToHashSet(StringComparer.Ordinal)))
                .ToList();
            var permissions = registry.All.OrderBy(p => p.Group, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
            return new Result(permissions, rows);
        }
    }
}

public static class SetRolePermission
{
    public sealed record Command(Guid RoleId, string Permission, bool Grant) : ICommand<Unit>;

    public sealed class Handler(SiteDbContext db, PermissionRegistry registry, IStringLocalizer<Command> t) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == request.RoleId, cancellationToken)
                       ?? throw new RequestValidationException("", t["The role does not exist."]);
            if (role.Name == StandardRoles.Administrator)
            {
                throw new RequestValidationException("", t["Administrators hold every permission; their permissions cannot be changed."]);
            }

            if (registry.Find(request.Permission) is null)
            {
                throw new RequestValidationException("", t["There is no permission named '{0}'.", request.Permission]);
            }

            var existing = await db.RolePermissions.FirstOrDefaultAsync(rp => rp.RoleId == role.Id && rp.Permission == request.Permission, cancellationToken);
            if (request.Grant && existing is null)
            {
                db.RolePermissions.Add(new RolePermission { RoleId = role.Id, Permission = request.Permission });
            }
            else if (!request.Grant && existing is not null)
            {
                db.RolePermissions.Remove(existing);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
