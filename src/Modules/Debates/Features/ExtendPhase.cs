using CitizenParticipation.Core.Caching;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>The committee extends the current phase (later phases move with it), giving the reason.</summary>
[EvictsPublicPages(DebateCaching.Tag)]
public sealed class ExtendPhase : ICommand<bool>
{
    [BindNever]
    public int DebateId { get; set; }

    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();

    [Display(Name = "New last day")]
    [Required(ErrorMessage = "{0} is required.")]
    public DateOnly? NewEnd { get; set; }

    [Display(Name = "Reason")]
    [Required(ErrorMessage = "Extending a phase needs a reason.")]
    [StringLength(Debate.MaxReason, ErrorMessage = "{0} must be at most {1} characters.")]
    public string Reason { get; set; } = "";
}

public sealed class ExtendPhaseHandler(SiteDbContext db, DebateAccess access, TimeProvider clock, IStringLocalizer<ExtendPhase> t) : IRequestHandler<ExtendPhase, bool>
{
    public async Task<bool> Handle(ExtendPhase request, CancellationToken cancellationToken)
    {
        await access.RequireAsync(request.Actor, DebatePermissions.Manage);
        var debate = await db.LoadDebateAsync(request.DebateId, t, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var change = DebateRules.Run(t, () => debate.Extend(request.NewEnd!.Value, request.Reason, now));
        await db.SaveChangeAsync(debate, change, request.Actor.UserId(), request.Actor.DisplayName(), now, t, cancellationToken);
        return true;
    }
}
