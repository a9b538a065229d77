using CitizenParticipation.Core.Caching;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>The committee moves a debate on to its next phase; before the planned end (closing the phase early) with a reason.</summary>
[EvictsPublicPages(DebateCaching.Tag)]
public sealed class MoveDebateOn : ICommand<DebatePhase>
{
    [BindNever]
    public int DebateId { get; set; }

    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();

    /// <summary>The phase the committee member saw: a second click, or a colleague's move in between, is not applied twice.</summary>
    public DebatePhase From { get; set; }

    [Display(Name = "Reason")]
    [StringLength(Debate.MaxReason, ErrorMessage = "{0} must be at most {1} characters.")]
    public string? Reason { get; set; }
}

public sealed class MoveDebateOnHandler(SiteDbContext db, DebateAccess access, TimeProvider clock, IStringLocalizer<MoveDebateOn> t) : IRequestHandler<MoveDebateOn, DebatePhase>
{
    public async Task<DebatePhase> Handle(MoveDebateOn request, CancellationToken cancellationToken)
    {
        await access.RequireAsync(request.Actor, DebatePermissions.Manage);
        var debate = await db.LoadDebateAsync(request.DebateId, t, cancellationToken);
        if (debate.Phase != request.From)
        {
            throw new RequestValidationException("", t["Another committee member made a change here at the same time. Look again and repeat yours if it is still needed."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var change = DebateRules.Run(t, () => debate.MoveOn(request.Reason, KoreaTime.Today(clock), now));
        await db.SaveChangeAsync(debate, change, request.Actor.UserId(), request.Actor.DisplayName(), now, t, cancellationToken);
        return debate.Phase;
    }
}
