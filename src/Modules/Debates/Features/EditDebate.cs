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

/// <summary>The committee writes the debate while preparing it: texts, the verification level to take part, the planned dates.</summary>
public sealed class EditDebate : ICommand<bool>
{
    [BindNever]
    public int DebateId { get; set; }

    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();

    [Display(Name = "Title")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(200, MinimumLength = 5, ErrorMessage = "{0} must be between {2} and {1} characters.")]
    public string Title { get; set; } = "";

    [Display(Name = "Summary")]
    [StringLength(1000, ErrorMessage = "{0} must be at most {1} characters.")]
    public string? Summary { get; set; }

    [Display(Name = "Briefing")]
    [StringLength(50000, ErrorMessage = "{0} must be at most {1} characters.")]
    [Markdown]
    public string? Briefing { get; set; }

    [Display(Name = "Arguments for")]
    [StringLength(20000, ErrorMessage = "{0} must be at most {1} characters.")]
    [Markdown]
    public string? ArgumentsFor { get; set; }

    [Display(Name = "Arguments against")]
    [StringLength(20000, ErrorMessage = "{0} must be at most {1} characters.")]
    [Markdown]
    public string? ArgumentsAgainst { get; set; }

    [Display(Name = "Expert statements")]
    [StringLength(20000, ErrorMessage = "{0} must be at most {1} characters.")]
    [Markdown]
    public string? ExpertStatements { get; set; }

    [Display(Name = "Verification required to take part")]
    public VerificationLevel MinimumLevel { get; set; } = VerificationLevel.EmailConfirmed;

    /// <summary>Planned first and last day of each phase, in <see cref="Debate.PlannedPhases"/>' order.</summary>
    public List<DateOnly?> Starts { get; set; } = [];

    public List<DateOnly?> Ends { get; set; } = [];
}

public sealed class EditDebateHandler(SiteDbContext db, DebateAccess access, TimeProvider clock, IStringLocalizer<EditDebate> t) : IRequestHandler<EditDebate, bool>
{
    public async Task<bool> Handle(EditDebate request, CancellationToken cancellationToken)
    {
        await access.RequireAsync(request.Actor, DebatePermissions.Manage);
        var phases = Debate.PlannedPhases.Count;
        if (request.Starts.Count != phases || request.Ends.Count != phases || request.Starts.Any(d => d is null) || request.Ends.Any(d => d is null))
        {
            throw new RequestValidationException("", t["Give planned dates for every phase."]);
        }

        var debate = await db.LoadDebateAsync(request.DebateId, t, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var content = new DebateContent(request.Title, request.Summary ?? "", request.Briefing ?? "", request.ArgumentsFor ?? "", request.ArgumentsAgainst ?? "",
            request.ExpertStatements ?? "", request.MinimumLevel, request.Starts.Zip(request.Ends, (s, e) => (s!.Value, e!.Value)).ToList());
        var change = DebateRules.Run(t, () => debate.Edit(content, now));
        if (change.Detail.Length > 0)
        {
            await db.SaveChangeAsync(debate, change, request.Actor.UserId(), request.Actor.DisplayName(), now, t, cancellationToken);
        }

        return change.Detail.Length > 0;
    }
}
