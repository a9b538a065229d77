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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>A committee member hides a statement (its votes stop counting); the reason is shown in its place.</summary>
[EvictsPublicPages(DebateCaching.Tag)]
public sealed class HideStatement : ICommand<int>
{
    [BindNever]
    public int StatementId { get; set; }

    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();

    [Display(Name = "Reason (shown in its place)")]
    [Required(ErrorMessage = "Give the reason for hiding the statement: it is shown in its place.")]
    [StringLength(Statement.MaxHideReason, ErrorMessage = "{0} must be at most {1} characters.")]
    public string Reason { get; set; } = "";
}

public sealed class HideStatementHandler(SiteDbContext db, DebateAccess access, TimeProvider clock, IStringLocalizer<HideStatement> t) : IRequestHandler<HideStatement, int>
{
    public async Task<int> Handle(HideStatement request, CancellationToken cancellationToken)
    {
        await access.RequireAsync(request.Actor, DebatePermissions.Moderate);
        var statement = await db.Set<Statement>().FirstOrDefaultAsync(s => s.Id == request.StatementId, cancellationToken)
                        ?? throw new RequestValidationException("", t["The statement was not found or was hidden."]);
        var now = clock.GetUtcNow().UtcDateTime;
        DebateRules.Run(t, () =>
        {
            statement.Hide(request.Reason, request.Actor.DisplayName(), now);
            return true;
        });
        db.Add(new DebateLogEntry(statement.DebateId, new DebateChange("statement-hidden", $"#{statement.Id}", request.Reason.Trim()), request.Actor.UserId(), request.Actor.DisplayName(), now));
        await db.SaveChangesAsync(cancellationToken);
        return statement.DebateId;
    }
}
