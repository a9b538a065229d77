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
