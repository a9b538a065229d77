using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public sealed record OfficerRow(Guid UserId, string Email, string DisplayName, int DepartmentId, string DepartmentName);

public sealed record ListOfficers : IRequest<IReadOnlyList<OfficerRow>>;

public sealed class ListOfficersHandler(SiteDbContext db, IMediator mediator) : IRequestHandler<ListOfficers, IReadOnlyList<OfficerRow>>
{
    public async Task<IReadOnlyList<OfficerRow>> Handle(ListOfficers request, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.Set<OfficerAssignment>()
                          join d in db.Departments on a.DepartmentId equals d.Id
                          select new { a.UserId, a.DepartmentId, d.SortOrder, d.NameKo, d.NameEn }).ToListAsync(cancellationToken);
        var accounts = await mediator.Send(new GetAccountNames(rows.Select(r => r.UserId).ToList()), cancellationToken);
        return rows.Where(r => accounts.ContainsKey(r.UserId))
            .Select(r => (r.SortOrder, Row: new OfficerRow(r.UserId, accounts[r.UserId].Email, accounts[r.UserId].DisplayName, r.DepartmentId, Core.Localization.SiteCultures.Pick(r.NameKo, r.NameEn))))
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Row.Email, StringComparer.Ordinal)
            .Select(r => r.Row).ToList();
    }
}
