using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Registry.Features;

public sealed class AssignOfficer : ICommand<bool>
{
    [Display(Name = "Email")]
    [Required(ErrorMessage = "{0} is required.")]
    [EmailAddress(ErrorMessage = "{0} is not a valid email address.")]
    public string Email { get; set; } = "";

    [Display(Name = "Department")]
    [Required(ErrorMessage = "{0} is required.")]
    public int? DepartmentId { get; set; }
}

public sealed class AssignOfficerHandler(SiteDbContext db, IMediator mediator, IStringLocalizer<AssignOfficer> t) : IRequestHandler<AssignOfficer, bool>
{
    public async Task<bool> Handle(AssignOfficer request, CancellationToken cancellationToken)
    {
        var userId = (await mediator.Send(new FindPersonByEmail(request.Email), cancellationToken))?.Id
                     ?? throw new RequestValidationException(nameof(request.Email), t["No user has this email address."]);
        if (!await db.Departments.AnyAsync(d => d.Id == request.DepartmentId, cancellationToken))
        {
            throw new RequestValidationException(nameof(request.DepartmentId), t["Choose a department from the list."]);
        }

        var set = db.Set<OfficerAssignment>();
        if (await set.AnyAsync(a => a.UserId == userId && a.DepartmentId == request.DepartmentId, cancellationToken))
        {
            return false;
        }

        set.Add(new OfficerAssignment(userId, request.DepartmentId!.Value));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

public sealed record RemoveOfficer(Guid UserId, int DepartmentId) : ICommand<bool>;

public sealed class RemoveOfficerHandler(SiteDbContext db) : IRequestHandler<RemoveOfficer, bool>
{
    public async Task<bool> Handle(RemoveOfficer request, CancellationToken cancellationToken) =>
        await db.Set<OfficerAssignment>().Where(a => a.UserId == request.UserId && a.DepartmentId == request.DepartmentId).ExecuteDeleteAsync(cancellationToken) > 0;
}

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
