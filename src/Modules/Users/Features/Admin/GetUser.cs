using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Users.Features.Admin;

public static class GetUser
{
    public sealed record Result(
        Guid Id,
        string Email,
        string DisplayName,
        string? RegionName,
        bool EmailConfirmed,
        bool ResidentVerified,
        DateTime? ResidentVerifiedAt,
        DateTimeOffset? LockedUntil,
        int AccessFailedCount,
        DateTime CreatedAt,
        DateTime? DeletedAt,
        IReadOnlyList<string> Roles,
        IReadOnlyList<string> AllRoles);

    public sealed record Query(Guid Id) : IRequest<Result?>;

    public sealed class Handler(SiteDbContext db, TimeProvider clock) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Region).FirstOrDefaultAsync(u => u.Id == request.Id, cancellationToken);
            if (user is null)
            {
                return null;
            }

            var roles = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == user.Id
                               orderby r.Name
                               select r.Name!).ToListAsync(cancellationToken);
            var allRoles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            return new Result(
                user.Id, user.Email ?? "", user.DisplayName,
                user.Region is { } region ? SiteCultures.Pick(region.NameKo, region.NameEn) : null,
                user.EmailConfirmed, user.ResidentVerified, user.ResidentVerifiedAt,
                user.DeletedAt is null && user.LockoutEnd > now ? user.LockoutEnd : null,
                user.AccessFailedCount, user.CreatedAt, user.DeletedAt, roles, allRoles);
        }
    }
}
