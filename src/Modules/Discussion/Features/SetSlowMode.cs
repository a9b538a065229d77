using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>A moderator limits a heated thread to one comment per person per so many seconds (0 lifts the limit).</summary>
public sealed class SetSlowMode : ICommand<ThreadKey>
{
    [BindNever]
    public string Kind { get; set; } = "";

    [BindNever]
    public int ItemId { get; set; }

    [Display(Name = "Seconds between one person's comments (0 = off)")]
    [Range(0, 86400, ErrorMessage = "{0} must be between {1} and {2}.")]
    public int Seconds { get; set; }

    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();
}

public sealed class SetSlowModeHandler(SiteDbContext db, ThreadAccess access, TimeProvider clock) : IRequestHandler<SetSlowMode, ThreadKey>
{
    public async Task<ThreadKey> Handle(SetSlowMode request, CancellationToken cancellationToken)
    {
        var key = new ThreadKey(request.Kind, request.ItemId);
        var policy = await access.RequirePolicyAsync(key, cancellationToken);
        await access.RequireModeratorAsync(request.Actor, policy);
        var settings = await db.Set<ThreadSettings>().FirstOrDefaultAsync(s => s.Kind == key.Kind && s.ItemId == key.Id, cancellationToken);
        if (settings is null)
        {
            db.Add(settings = new ThreadSettings { Kind = key.Kind, ItemId = key.Id });
        }

        settings.SlowModeSeconds = request.Seconds;
        access.Log(request.Actor, ModerationAction.SlowMode, request.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), key, null, null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }
}
