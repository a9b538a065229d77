using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Features;

[EvictsPublicPages(PetitionCaching.Tag)]
public sealed class ModeratePetition : ICommand<PetitionStatus>
{
    public int PetitionId { get; set; }
    public Guid StaffId { get; set; }
    public string StaffName { get; set; } = "";

    /// <summary>True publishes; false rejects with <see cref="Reason"/>.</summary>
    public bool Publish { get; set; }

    [Display(Name = "Reason")]
    public RejectionReason? Reason { get; set; }

    [Display(Name = "Note to the author")]
    [StringLength(1000, ErrorMessage = "{0} must be at most {1} characters.")]
    public string? Note { get; set; }
}

public sealed class ModeratePetitionHandler(SiteDbContext db, TimeProvider clock, ISettings<PetitionSettings> settingsCache, IStringLocalizer<ModeratePetition> t)
    : IRequestHandler<ModeratePetition, PetitionStatus>
{
    public async Task<PetitionStatus> Handle(ModeratePetition request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Deciding needs the lock, taken atomically here too: of two simultaneous decisions one wins.
        var locked = await new ClaimModerationHandler(db, clock).Handle(new ClaimModeration(request.PetitionId, request.StaffId, request.StaffName), cancellationToken);
        if (!locked.Held)
        {
            throw new RequestValidationException("", t["{0} is reviewing this petition. Try again later.", locked.HolderName ?? ""]);
        }

        var petition = await db.Set<Petition>().FirstOrDefaultAsync(p => p.Id == request.PetitionId, cancellationToken)
                       ?? throw new RequestValidationException("", t["The petition was not found."]);

        if (request.Publish)
        {
            if (petition.Status != PetitionStatus.PendingModeration)
            {
                throw new RequestValidationException("", t["Only a petition awaiting review can be published."]);
            }

            var settings = await settingsCache.GetAsync();
            petition.Publish(request.StaffId, settings.SigningDays, now);
        }
        else
        {
            if (request.Reason is not { } reason)
            {
                throw new RequestValidationException(nameof(request.Reason), t["Choose a reason for the rejection."]);
            }

            if (petition.Status is PetitionStatus.Draft or PetitionStatus.Answered or PetitionStatus.Hidden)
            {
                throw new RequestValidationException("", t["This petition cannot be rejected."]);
            }

            petition.Reject(request.StaffId, reason, request.Note, now);
        }

        db.Add(new PetitionEvent
        {
            PetitionId = petition.Id,
            Kind = request.Publish ? "published" : "rejected:" + request.Reason,
            ActorId = request.StaffId,
            ActorName = request.StaffName,
            Note = request.Note,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return petition.Status;
    }
}
