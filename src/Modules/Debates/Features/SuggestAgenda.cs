using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>A citizen suggests a subject for a debate; it gathers supports until it goes before the committee or lapses.</summary>
public sealed class SuggestAgenda : ICommand<int>
{
    [BindNever]
    public Guid CitizenId { get; set; }

    [BindNever]
    public string CitizenName { get; set; } = "";

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

public sealed class SuggestAgendaHandler(SiteDbContext db, DebateAccess access, ISettings<DebateSettings> settings, TimeProvider clock, IStringLocalizer<SuggestAgenda> t)
    : IRequestHandler<SuggestAgenda, int>
{
    public async Task<int> Handle(SuggestAgenda request, CancellationToken cancellationToken)
    {
        var rules = await settings.GetAsync(cancellationToken);
        if (!DebateAccess.Reaches(await access.PersonAsync(request.CitizenId, cancellationToken), rules.SuggestionVerification))
        {
            throw new RequestValidationException("", t["Your account needs a higher verification level to suggest a subject. Confirm your email address or verify your residence in your profile."]);
        }

        var candidate = AgendaCandidate.FromCitizen(request.Title, request.Description, request.CitizenId, request.CitizenName,
            rules.SuggestionSupportsNeeded, rules.SuggestionSupportDays, clock.GetUtcNow().UtcDateTime);
        db.Add(candidate);
        await db.SaveChangesAsync(cancellationToken);
        return candidate.Id;
    }
}
