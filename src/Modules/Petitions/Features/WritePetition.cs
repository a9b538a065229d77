using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using CitizenParticipation.Core.Caching;
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
    public int? Id { get; set; }
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";

    /// <summary>Where a new petition comes from, for the per-address limit; set by the controller.</summary>
    [BindNever]
    public string? IpAddress { get; set; }

    [Display(Name = "Title")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(200, MinimumLength = 5, ErrorMessage = "{0} must be between {2} and {1} characters.")]
    public string Title { get; set; } = "";

    [Display(Name = "Petition text")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(20000, MinimumLength = 20, ErrorMessage = "{0} must be between {2} and {1} characters.")]
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

/// <summary>Submits a draft: per the settings it collects prior agreements, waits for staff, or opens for signing.</summary>
[EvictsPublicPages(PetitionCaching.Tag)]
public sealed record SubmitPetition(int Id, Guid AuthorId) : ICommand<PetitionStatus>, IEvictsPublicPagesWhen<PetitionStatus>
{
    /// <summary>Only a petition that opened for signing at once (no review, no prior agreements) shows.</summary>
    public bool ChangedPublicPages(PetitionStatus result) => Petition.IsPublicStatus(result);
}

public sealed class SubmitPetitionHandler(SiteDbContext db, TimeProvider clock, ISettings<PetitionSettings> settings, IStringLocalizer<SavePetitionDraft> t)
    : IRequestHandler<SubmitPetition, PetitionStatus>
{
    public async Task<PetitionStatus> Handle(SubmitPetition request, CancellationToken cancellationToken)
    {
        var petition = await db.Set<Petition>().FirstOrDefaultAsync(p => p.Id == request.Id && p.AuthorId == request.AuthorId, cancellationToken);
        if (petition is null || petition.Status != PetitionStatus.Draft)
        {
            throw new RequestValidationException("", t["This petition was already submitted."]);
        }

        var s = await settings.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        petition.Submit(s.PriorAgreements, s.PreModeration, s.SigningDays, NewToken(), now);
        db.Add(new PetitionEvent { PetitionId = petition.Id, Kind = "submitted", ActorId = request.AuthorId, ActorName = petition.AuthorName, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return petition.Status;
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}

public sealed record DeleteDraft(int Id, Guid AuthorId) : ICommand<bool>;

public sealed class DeleteDraftHandler(SiteDbContext db) : IRequestHandler<DeleteDraft, bool>
{
    public async Task<bool> Handle(DeleteDraft request, CancellationToken cancellationToken) =>
        await db.Set<Petition>().Where(p => p.Id == request.Id && p.AuthorId == request.AuthorId && p.Status == PetitionStatus.Draft)
            .ExecuteDeleteAsync(cancellationToken) > 0;
}

public sealed record MyPetition(int Id, string Title, PetitionStatus Status, DateTime UpdatedAt, int SignatureCount, int AgreementCount, int AgreementsRequired, string? AgreementToken);

public sealed record ListMyPetitions(Guid AuthorId) : IRequest<IReadOnlyList<MyPetition>>;

public sealed class ListMyPetitionsHandler(SiteDbContext db) : IRequestHandler<ListMyPetitions, IReadOnlyList<MyPetition>>
{
    public async Task<IReadOnlyList<MyPetition>> Handle(ListMyPetitions request, CancellationToken cancellationToken) =>
        await db.Set<Petition>().AsNoTracking().Where(p => p.AuthorId == request.AuthorId)
            .OrderByDescending(p => p.UpdatedAt)
            .Select(p => new MyPetition(p.Id, p.Title, p.Status, p.UpdatedAt, p.SignatureCount, p.AgreementCount, p.AgreementsRequired, p.AgreementToken))
            .ToListAsync(cancellationToken);
}

public sealed record GetDraft(int Id, Guid AuthorId) : IRequest<SavePetitionDraft?>;

public sealed class GetDraftHandler(SiteDbContext db) : IRequestHandler<GetDraft, SavePetitionDraft?>
{
    public async Task<SavePetitionDraft?> Handle(GetDraft request, CancellationToken cancellationToken) =>
        await db.Set<Petition>().AsNoTracking()
            .Where(p => p.Id == request.Id && p.AuthorId == request.AuthorId && p.Status == PetitionStatus.Draft)
            .Select(p => new SavePetitionDraft { Id = p.Id, AuthorId = request.AuthorId, Title = p.Title, Body = p.Body, PolicyFieldId = p.PolicyFieldId, RegionId = p.RegionId })
            .FirstOrDefaultAsync(cancellationToken);
}
