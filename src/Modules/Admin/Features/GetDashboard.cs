using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Admin.Features;

public sealed record GetDashboard : IRequest<Dashboard>;

public sealed class GetDashboardHandler(SiteDbContext db, IMediator mediator) : IRequestHandler<GetDashboard, Dashboard>
{
    public async Task<Dashboard> Handle(GetDashboard request, CancellationToken cancellationToken)
    {
        var people = await mediator.Send(new CountPeople(), cancellationToken);
        var pending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        var failed = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);
        var lastError = await db.OutboxMessages
            .Where(m => m.LastError != null && m.Status != OutboxStatus.Sent)
            .OrderByDescending(m => m.Id)
            .Select(m => new { m.LastError, m.NextAttemptAt })
            .FirstOrDefaultAsync(cancellationToken);

        return new Dashboard(people.Total, people.Unverified, people.EmailConfirmed, people.ResidentVerified,
            people.Roles.Select(r => new RoleCount(r.Role, r.Members)).ToList(), pending, failed, lastError?.LastError, lastError?.NextAttemptAt);
    }
}

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
