using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>The committee declines a candidate; the reason is shown on the public agenda.</summary>
public sealed class DeclineCandidate : ICommand<bool>
{
    [BindNever]
    public int CandidateId { get; set; }

    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();

    [Display(Name = "Reason (shown publicly)")]
    [Required(ErrorMessage = "Give the reason for declining: it is shown publicly.")]
    [StringLength(AgendaCandidate.MaxDeclineReason, MinimumLength = 10, ErrorMessage = "{0} must be between {2} and {1} characters.")]
    public string Reason { get; set; } = "";
}

public sealed class DeclineCandidateHandler(SiteDbContext db, DebateAccess access, TimeProvider clock, IStringLocalizer<DeclineCandidate> t)
    : IRequestHandler<DeclineCandidate, bool>
{
    public async Task<bool> Handle(DeclineCandidate request, CancellationToken cancellationToken)
    {
        await access.RequireAsync(request.Actor, DebatePermissions.Manage);
        var candidate = await db.Set<AgendaCandidate>().FirstOrDefaultAsync(c => c.Id == request.CandidateId, cancellationToken)
                        ?? throw new RequestValidationException("", t["The candidate was not found."]);
        DebateRules.Run(t, () =>
        {
            candidate.Decline(request.Reason, request.Actor.DisplayName(), clock.GetUtcNow().UtcDateTime);
            return true;
        });
        await db.SaveCommitteeDecisionAsync(t, cancellationToken);
        return true;
    }
}
