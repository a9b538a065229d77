using System.ComponentModel.DataAnnotations;
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

public sealed class AssignOfficerHandler(SiteDbContext db, IStringLocalizer<AssignOfficer> t) : IRequestHandler<AssignOfficer, bool>
{
    public async Task<bool> Handle(AssignOfficer request, CancellationToken cancellationToken)
    {
        var normalised = request.Email.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalised && u.DeletedAt == null).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken)
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

public sealed class ListOfficersHandler(SiteDbContext db) : IRequestHandler<ListOfficers, IReadOnlyList<OfficerRow>>
{
    public async Task<IReadOnlyList<OfficerRow>> Handle(ListOfficers request, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.Set<OfficerAssignment>()
                          join u in db.Users on a.UserId equals u.Id
                          join d in db.Departments on a.DepartmentId equals d.Id
                          orderby d.SortOrder, u.Email
                          select new { a.UserId, u.Email, u.DisplayName, a.DepartmentId, d.NameKo, d.NameEn }).ToListAsync(cancellationToken);
        return rows.Select(r => new OfficerRow(r.UserId, r.Email ?? "", r.DisplayName, r.DepartmentId, Core.Localization.SiteCultures.Pick(r.NameKo, r.NameEn))).ToList();
    }
}
