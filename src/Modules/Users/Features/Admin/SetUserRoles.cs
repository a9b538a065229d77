using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Features.Admin;

public static class SetUserRoles
{
    public sealed record Command(Guid UserId, IReadOnlyList<string> Roles) : ICommand<Unit>;

    public sealed class Handler(UserManager<User> users, SiteDbContext db, IStringLocalizer<Command> t) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.UserId.ToString());
            if (user is null || user.DeletedAt is not null)
            {
                throw new RequestValidationException("", t["This account was deleted and cannot be changed."]);
            }

            var allRoles = await db.Roles.Select(r => r.Name!).ToListAsync(cancellationToken);
            var unknown = request.Roles.Except(allRoles).ToList();
            if (unknown.Count > 0)
            {
                throw new RequestValidationException("Roles", t["There is no role named '{0}'.", unknown[0]]);
            }

            var current = await users.GetRolesAsync(user);
            var wanted = request.Roles.Distinct().ToList();
            var removed = current.Except(wanted).ToList();
            var added = wanted.Except(current).ToList();
            if (removed.Contains(StandardRoles.Administrator)
                && (await users.GetUsersInRoleAsync(StandardRoles.Administrator)).Count(u => u.DeletedAt is null) <= 1)
            {
                throw new RequestValidationException("Roles", t["This is the last administrator: give another account the Administrator role first."]);
            }

            if (removed.Count == 0 && added.Count == 0)
            {
                return Unit.Value;
            }

            Check(removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : IdentityResult.Success);
            Check(added.Count > 0 ? await users.AddToRolesAsync(user, added) : IdentityResult.Success);
            // The person's cookie carries their roles; a new stamp makes it reload them.
            Check(await users.UpdateSecurityStampAsync(user));
            return Unit.Value;
        }

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new RequestValidationException(result.Errors.Select(e => new ValidationFailure("Roles", e.Description)).ToList());
            }
        }
    }
}
