using CitizenParticipation.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Users.Features.Admin;

public static class ListUsers
{
    public const int PageSize = 20;

    public sealed record Row(
        Guid Id,
        string Email,
        string DisplayName,
        IReadOnlyList<string> Roles,
        VerificationLevel VerificationLevel,
        DateTimeOffset? LockedUntil,
        bool Deleted,
        DateTime CreatedAt);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int PageCount, IReadOnlyList<string> AllRoles, string? Search, string? Role);

    public sealed record Query(string? Search, string? Role, int Page) : IRequest<Result>;

    public sealed class Handler(SiteDbContext db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var users = db.Users.AsNoTracking();
            var search = request.Search?.Trim();
            if (!string.IsNullOrEmpty(search))
            {
                var upper = search.ToUpperInvariant();
                users = users.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(search));
            }

            var allRoles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(cancellationToken);
            var role = allRoles.FirstOrDefault(r => r == request.Role);
            if (role is not null)
            {
                users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
            }

            var total = await users.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(request.Page, 1, pageCount);
            var found = await users
                .OrderBy(u => u.DeletedAt != null).ThenBy(u => u.Email)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .ToListAsync(cancellationToken);

            var ids = found.Select(u => u.Id).ToList();
            var roles = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ids.Contains(ur.UserId)
                               select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);

            // Lockout is compared here: SQLite cannot compare DateTimeOffset values in a query.
            var now = clock.GetUtcNow();
            var rows = found.Select(u => new Row(
                u.Id,
                u.Email ?? "",
                u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(),
                u.VerificationLevel,
                u.DeletedAt is null && u.LockoutEnd > now ? u.LockoutEnd : null,
                u.DeletedAt is not null,
                u.CreatedAt)).ToList();
            return new Result(rows, total, page, pageCount, allRoles, search, role);
        }
    }
}
