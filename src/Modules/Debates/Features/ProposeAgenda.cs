using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>
/// Puts a subject straight before the committee: a staff member's request on behalf of the mayor
/// (<see cref="DebatePermissions.RequestAgenda"/>) or a committee member's own proposal (<see cref="DebatePermissions.Manage"/>).
/// </summary>
public sealed class ProposeAgenda : ICommand<int>
{
    [BindNever]
    public AgendaSource Source { get; set; }

    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();

    [Display(Name = "Subject")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(200, MinimumLength = 5, ErrorMessage = "{0} must be between {2} and {1} characters.")]
    public string Title { get; set; } = "";

    [Display(Name = "Why the city should deliberate on it")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(20000, MinimumLength = 20, ErrorMessage = "{0} must be between {2} and {1} characters.")]
    [Markdown]
    public string Description { get; set; } = "";
}

public sealed class ProposeAgendaHandler(SiteDbContext db, DebateAccess access, TimeProvider clock, IStringLocalizer<ProposeAgenda> t)
    : IRequestHandler<ProposeAgenda, int>
{
    public async Task<int> Handle(ProposeAgenda request, CancellationToken cancellationToken)
    {
        await access.RequireAsync(request.Actor, request.Source switch
        {
            AgendaSource.Mayor => DebatePermissions.RequestAgenda,
            AgendaSource.Committee => DebatePermissions.Manage,
            _ => throw new RequestValidationException("", t["Citizens suggest subjects on the public agenda page."]),
        });
        var candidate = AgendaCandidate.FromCity(request.Source, request.Title, request.Description, request.Actor.RequiredUserId(), request.Actor.DisplayName(), clock.GetUtcNow().UtcDateTime);
        db.Add(candidate);
        await db.SaveChangesAsync(cancellationToken);
        return candidate.Id;
    }
}
