using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Paging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Users.Features.Admin;

public enum UserSort { Email, Name, Registered }

public static class ListUsers
{
    public sealed record Row(
        Guid Id,
        string Email,
        string DisplayName,
        IReadOnlyList<string> Roles,
        VerificationLevel VerificationLevel,
        DateTimeOffset? LockedUntil,
        bool Deleted,
        DateTime CreatedAt);

    public sealed record Result(IReadOnlyList<Row> Rows, ListPage Page, ListSort Sort, IReadOnlyList<string> AllRoles, string? Search, string? Role, bool SortChosen);

    /// <summary>The list's query string: <c>?q=홍길동&amp;role=Staff&amp;sort=Registered&amp;dir=desc&amp;page=2</c>.</summary>
    public sealed record Query(string? Search, string? Role, int Page, UserSort? Sort = null, SortDirection? Dir = null) : IRequest<Result>;

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

            // Without a chosen column, accounts in use first, by email.
            var column = request.Sort ?? UserSort.Email;
            var sort = new ListSort(column.ToString(), request.Dir ?? (column == UserSort.Registered ? SortDirection.Desc : SortDirection.Asc));
            var ordered = column switch
            {
                UserSort.Name => users.OrderBy(u => u.DisplayName, sort).ThenBy(u => u.Email, sort).ThenBy(u => u.Id),
                UserSort.Registered => users.OrderBy(u => u.CreatedAt, sort).ThenBy(u => u.Email, sort).ThenBy(u => u.Id),
                _ when request.Sort is null => users.OrderBy(u => u.DeletedAt != null).ThenBy(u => u.Email).ThenBy(u => u.Id),
                _ => users.OrderBy(u => u.Email, sort).ThenBy(u => u.Id),
            };
            var (found, page) = await ordered.ToListPageAsync(request.Page, cancellationToken);

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
            return new Result(rows, page, sort, allRoles, search, role, request.Sort is not null);
        }
    }
}
