using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public sealed record RemoveOfficer(Guid UserId, int DepartmentId) : ICommand<bool>;

public sealed class RemoveOfficerHandler(SiteDbContext db) : IRequestHandler<RemoveOfficer, bool>
{
    public async Task<bool> Handle(RemoveOfficer request, CancellationToken cancellationToken) =>
        await db.Set<OfficerAssignment>().Where(a => a.UserId == request.UserId && a.DepartmentId == request.DepartmentId).ExecuteDeleteAsync(cancellationToken) > 0;
}
