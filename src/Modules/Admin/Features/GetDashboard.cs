using CitizenParticipation.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Admin.Features;

public sealed record GetDashboard : IRequest<Dashboard>;

public sealed record Dashboard(
    int Users,
    int UsersUnverified,
    int UsersEmailConfirmed,
    int UsersResidentVerified,
    IReadOnlyList<RoleCount> Roles,
    int PendingEmails,
    int FailedEmails,
    string? LastEmailError,
    DateTime? LastEmailErrorAt);

public sealed record RoleCount(string Name, int Members);

public sealed class GetDashboardHandler(SiteDbContext db) : IRequestHandler<GetDashboard, Dashboard>
{
    public async Task<Dashboard> Handle(GetDashboard request, CancellationToken cancellationToken)
    {
        // Deleted accounts keep their row (contributions stay), but they are no longer users.
        var users = db.Users.Where(u => u.DeletedAt == null);
        var total = await users.CountAsync(cancellationToken);
        var resident = await users.CountAsync(u => u.ResidentVerified, cancellationToken);
        var email = await users.CountAsync(u => !u.ResidentVerified && u.EmailConfirmed, cancellationToken);

        var roles = await db.Roles
            .OrderBy(r => r.Name)
            .Select(r => new RoleCount(r.Name!, db.UserRoles.Count(ur => ur.RoleId == r.Id && db.Users.Any(u => u.Id == ur.UserId && u.DeletedAt == null))))
            .ToListAsync(cancellationToken);

        var pending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        var failed = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);
        var lastError = await db.OutboxMessages
            .Where(m => m.LastError != null && m.Status != OutboxStatus.Sent)
            .OrderByDescending(m => m.Id)
            .Select(m => new { m.LastError, m.NextAttemptAt })
            .FirstOrDefaultAsync(cancellationToken);

        return new Dashboard(total, total - resident - email, email, resident, roles, pending, failed, lastError?.LastError, lastError?.NextAttemptAt);
    }
}
