using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Petitions.Features;

public enum SignOutcome
{
    Signed,
    AlreadySigned,
    NotFound,
    NotOpen,
    Rejected,
    VerificationRequired,
    DisagreementDisabled,
}

/// <summary>
/// 동의 (or 비동의) by one person. Deliberately not an <c>ICommand</c>: the checks run before the write
/// transaction so that the transaction holds only the insert and the counter update, which matters
/// when thousands sign the same petition at once (SQLite serialises writers; PostgreSQL locks the row).
/// </summary>
public sealed record SignPetition(int PetitionId, Guid UserId, SignatureKind Kind, string? Comment, string? IpAddress, string BaseUrl) : IRequest<SignOutcome>;

public sealed class SignPetitionHandler(SiteDbContext db, TimeProvider clock, PetitionSettingsCache settingsCache, PetitionEmails emails, IMediator mediator, SignatureWriteGate gate)
    : IRequestHandler<SignPetition, SignOutcome>
{
    public async Task<SignOutcome> Handle(SignPetition request, CancellationToken cancellationToken)
    {
        var settings = await settingsCache.GetAsync();
        if (request.Kind == SignatureKind.Disagree && !settings.DisagreementEnabled)
        {
            return SignOutcome.DisagreementDisabled;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var petitions = db.Set<Petition>();
        var state = await petitions.AsNoTracking().Where(p => p.Id == request.PetitionId)
            .Select(p => new { p.Status, p.ClosesAt }).FirstOrDefaultAsync(cancellationToken);
        if (state is null || state.Status is PetitionStatus.Draft or PetitionStatus.Hidden or PetitionStatus.CollectingAgreements or PetitionStatus.PendingModeration)
        {
            return SignOutcome.NotFound;
        }

        if (state.Status == PetitionStatus.Rejected)
        {
            return SignOutcome.Rejected;
        }

        if (state.Status is not (PetitionStatus.Open or PetitionStatus.AwaitingAnswer) || state.ClosesAt <= now)
        {
            return SignOutcome.NotOpen;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == request.UserId && u.DeletedAt == null)
            .Select(u => new { u.DisplayName, u.EmailConfirmed, u.ResidentVerified, u.RegionId, u.Email }).FirstOrDefaultAsync(cancellationToken);
        var level = user is null ? VerificationLevel.None
            : user.ResidentVerified ? VerificationLevel.ResidentVerified
            : user.EmailConfirmed ? VerificationLevel.EmailConfirmed
            : VerificationLevel.None;
        if (user is null || level < settings.RequiredVerification)
        {
            return SignOutcome.VerificationRequired;
        }

        var signatures = db.Set<PetitionSignature>();
        if (await signatures.AnyAsync(s => s.PetitionId == request.PetitionId && s.UserId == request.UserId, cancellationToken))
        {
            return SignOutcome.AlreadySigned;
        }

        var at = user.Email?.LastIndexOf('@') ?? -1;
        var signature = new PetitionSignature
        {
            PetitionId = request.PetitionId,
            UserId = request.UserId,
            Kind = request.Kind,
            SignerName = user.DisplayName,
            RegionId = user.RegionId,
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            CreatedAt = now,
            IpAddress = request.IpAddress,
            EmailDomain = at >= 0 ? user.Email![(at + 1)..].ToLowerInvariant() : null,
        };

        using var turn = await gate.EnterAsync(db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        signatures.Add(signature);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second tab, a double click or another instance got there first: the unique index said no.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await signatures.AnyAsync(s => s.PetitionId == request.PetitionId && s.UserId == request.UserId, cancellationToken))
            {
                return SignOutcome.AlreadySigned;
            }

            throw;
        }

        var counted = request.Kind == SignatureKind.Agree
            ? await petitions.Where(p => p.Id == request.PetitionId && (p.Status == PetitionStatus.Open || p.Status == PetitionStatus.AwaitingAnswer) && p.ClosesAt > now)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SignatureCount, p => p.SignatureCount + 1), cancellationToken)
            : await petitions.Where(p => p.Id == request.PetitionId && (p.Status == PetitionStatus.Open || p.Status == PetitionStatus.AwaitingAnswer) && p.ClosesAt > now)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.DisagreementCount, p => p.DisagreementCount + 1), cancellationToken);
        if (counted == 0)
        {
            // Closed or withdrawn between the check and the write.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return SignOutcome.NotOpen;
        }

        if (request.Kind == SignatureKind.Agree)
        {
            await CheckThresholdsAsync(request, settings, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return SignOutcome.Signed;
    }

    private async Task CheckThresholdsAsync(SignPetition request, PetitionSettings settings, DateTime now, CancellationToken cancellationToken)
    {
        var petitions = db.Set<Petition>();
        var counts = await petitions.AsNoTracking().Where(p => p.Id == request.PetitionId)
            .Select(p => new { p.SignatureCount, p.ThresholdReachedAt, p.AgendaProposedAt }).FirstAsync(cancellationToken);
        var answer = counts.ThresholdReachedAt is null && counts.SignatureCount >= settings.AnswerThreshold;
        var agenda = counts.AgendaProposedAt is null && counts.SignatureCount >= settings.AgendaThreshold;
        if (!answer && !agenda)
        {
            return;
        }

        var petition = await petitions.FirstAsync(p => p.Id == request.PetitionId, cancellationToken);
        await ThresholdActions.ApplyAsync(db, petition, settings, answer, agenda, request.BaseUrl, now, emails, mediator, cancellationToken);
    }
}

/// <summary>What happens when a petition reaches a threshold; shared by signing and by the recipe steps.</summary>
public static class ThresholdActions
{
    public static async Task ApplyAsync(SiteDbContext db, Petition petition, PetitionSettings settings, bool answer, bool agenda, string baseUrl, DateTime now,
        PetitionEmails emails, IMediator mediator, CancellationToken cancellationToken)
    {
        if (answer)
        {
            petition.ReachThreshold(settings.AnswerDueDays, now);
            db.Add(new PetitionEvent { PetitionId = petition.Id, Kind = "threshold-reached", ActorName = "", Note = petition.SignatureCount.ToString(System.Globalization.CultureInfo.InvariantCulture), CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await emails.ThresholdReachedAsync(petition, baseUrl, cancellationToken);
        }

        if (agenda)
        {
            petition.ProposeForAgenda(now);
            db.Add(new PetitionEvent { PetitionId = petition.Id, Kind = "proposed-for-deliberation", ActorName = "", CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
            var codes = await PetitionCodes.ForAsync(db, petition, cancellationToken);
            await mediator.Publish(new OutcomePublished(
                OutcomeOrigin.Petition, petition.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), petition.Title,
                $"/petitions/{petition.Id}", "proposed-for-deliberation",
                $"시민 {petition.SignatureCount:N0}명이 동의한 청원으로, 시민참여위원회 심의 안건으로 제안되었습니다.",
                codes.Field, codes.Region, now, null, null), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

public static class PetitionCodes
{
    public static async Task<(string? Field, string? Region)> ForAsync(SiteDbContext db, Petition petition, CancellationToken cancellationToken)
    {
        var field = petition.PolicyFieldId is { } f ? await db.PolicyFields.Where(x => x.Id == f).Select(x => x.Code).FirstOrDefaultAsync(cancellationToken) : null;
        var region = petition.RegionId is { } r ? await db.Regions.Where(x => x.Id == r).Select(x => x.Code).FirstOrDefaultAsync(cancellationToken) : null;
        return (field, region);
    }
}
