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

/// <summary>
/// Takes (or renews) the moderation lock for fifteen minutes. One conditional UPDATE does it, so two
/// staff members starting to review the same petition at the same moment cannot both get it.
/// </summary>
public sealed record ClaimModeration(int PetitionId, Guid StaffId, string StaffName) : ICommand<ModerationLock>;

public sealed record ModerationLock(bool Held, string? HolderName, DateTime? Until);

public sealed class ClaimModerationHandler(SiteDbContext db, TimeProvider clock) : IRequestHandler<ClaimModeration, ModerationLock>
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public async Task<ModerationLock> Handle(ClaimModeration request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Duration;
        var taken = await db.Set<Petition>()
            .Where(p => p.Id == request.PetitionId && (p.ModerationLockedBy == null || p.ModerationLockedBy == request.StaffId || p.ModerationLockedUntil < now))
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.ModerationLockedBy, request.StaffId)
                .SetProperty(p => p.ModerationLockedByName, request.StaffName)
                .SetProperty(p => p.ModerationLockedUntil, until), cancellationToken);
        if (taken > 0)
        {
            return new ModerationLock(true, request.StaffName, until);
        }

        var holder = await db.Set<Petition>().AsNoTracking().Where(p => p.Id == request.PetitionId)
            .Select(p => new { p.ModerationLockedByName, p.ModerationLockedUntil }).FirstOrDefaultAsync(cancellationToken);
        return new ModerationLock(false, holder?.ModerationLockedByName, holder?.ModerationLockedUntil);
    }
}

public sealed record ReleaseModeration(int PetitionId, Guid StaffId) : ICommand<bool>;

public sealed class ReleaseModerationHandler(SiteDbContext db) : IRequestHandler<ReleaseModeration, bool>
{
    public async Task<bool> Handle(ReleaseModeration request, CancellationToken cancellationToken) =>
        await db.Set<Petition>().Where(p => p.Id == request.PetitionId && p.ModerationLockedBy == request.StaffId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.ModerationLockedBy, (Guid?)null)
                .SetProperty(p => p.ModerationLockedByName, (string?)null)
                .SetProperty(p => p.ModerationLockedUntil, (DateTime?)null), cancellationToken) > 0;
}

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
