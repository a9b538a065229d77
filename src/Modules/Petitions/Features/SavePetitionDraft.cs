using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <summary>Creates or updates the author's draft; a draft is private to its author.</summary>
public sealed class SavePetitionDraft : ICommand<int>
{
    public const int TitleMinLength = 5, TitleMaxLength = 200, BodyMinLength = 20, BodyMaxLength = 20000;

    public int? Id { get; set; }
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";

    /// <summary>Where a new petition comes from, for the per-address limit; set by the controller.</summary>
    [BindNever]
    public string? IpAddress { get; set; }

    [Display(Name = "Petition title")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(TitleMaxLength, MinimumLength = TitleMinLength, ErrorMessage = "{0} must be between {2} and {1} characters.")]
    public string Title { get; set; } = "";

    [Display(Name = "Petition text")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(BodyMaxLength, MinimumLength = BodyMinLength, ErrorMessage = "{0} must be between {2} and {1} characters.")]
    [Markdown]
    public string Body { get; set; } = "";

    [Display(Name = "Policy field")]
    [Required(ErrorMessage = "{0} is required.")]
    public int? PolicyFieldId { get; set; }

    [Display(Name = "Region")]
    [Required(ErrorMessage = "{0} is required.")]
    public int? RegionId { get; set; }
}

public sealed class SavePetitionDraftValidator(SiteDbContext db, IStringLocalizer<SavePetitionDraft> t) : IRequestValidator<SavePetitionDraft>
{
    public async Task<IEnumerable<ValidationFailure>> ValidateAsync(SavePetitionDraft request, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        if (request.PolicyFieldId is { } f && !await db.PolicyFields.AnyAsync(x => x.Id == f, cancellationToken))
        {
            failures.Add(new(nameof(request.PolicyFieldId), t["Choose a policy field from the list."]));
        }

        if (request.RegionId is { } r && !await db.Regions.AnyAsync(x => x.Id == r, cancellationToken))
        {
            failures.Add(new(nameof(request.RegionId), t["Choose a region from the list."]));
        }

        return failures;
    }
}

public sealed class SavePetitionDraftHandler(SiteDbContext db, TimeProvider clock, ISettings<PetitionSettings> settings, PetitionCreationLimits limits, IStringLocalizer<SavePetitionDraft> t)
    : IRequestHandler<SavePetitionDraft, int>
{
    public async Task<int> Handle(SavePetitionDraft request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Petition? petition;
        if (request.Id is { } id)
        {
            petition = await db.Set<Petition>().FirstOrDefaultAsync(p => p.Id == id && p.AuthorId == request.AuthorId, cancellationToken);
            if (petition is null || !petition.IsEditableByAuthor)
            {
                throw new RequestValidationException("", t["This petition was already submitted and can no longer be edited."]);
            }
        }
        else
        {
            // Only petitions actually created count: previews and refused forms never reach this point.
            var limit = await settings.GetAsync();
            var hourAgo = now.AddHours(-1);
            if (await db.Set<Petition>().CountAsync(p => p.AuthorId == request.AuthorId && p.CreatedAt >= hourAgo, cancellationToken) >= limit.CreatePerAccountPerHour
                || !limits.Allows(request.IpAddress, limit.CreatePerIpPerHour))
            {
                throw new LimitReachedException(t["You have started as many petitions as are allowed in one hour. Your text is kept: save it later."]);
            }

            petition = new Petition(request.AuthorId, request.AuthorName, now);
            db.Add(petition);
        }

        petition.Write(request.Title, request.Body, request.PolicyFieldId, request.RegionId, now);
        await db.SaveChangesAsync(cancellationToken);
        if (request.Id is null)
        {
            limits.Record(request.IpAddress);
        }

        return petition.Id;
    }
}
