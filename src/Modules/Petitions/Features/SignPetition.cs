using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Events;
using CitizenParticipation.Core.Settings;
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
    CommentTooLong,
}

/// <summary>
/// 동의 (or 비동의) by one person. Deliberately not an <c>ICommand</c>: the request is handed to
/// <see cref="SignatureBatcher"/>, which checks and commits the signatures of many people in one
/// transaction when thousands sign the same petition at once.
/// </summary>
public sealed record SignPetition(int PetitionId, Guid UserId, SignatureKind Kind, string? Comment, string? IpAddress) : IRequest<SignOutcome>;

public sealed class SignPetitionHandler(ISettings<PetitionSettings> settingsCache, SignatureBatcher batcher) : IRequestHandler<SignPetition, SignOutcome>
{
    public async Task<SignOutcome> Handle(SignPetition request, CancellationToken cancellationToken)
    {
        if (PetitionSignature.IsCommentTooLong(request.Comment))
        {
            return SignOutcome.CommentTooLong;
        }

        var settings = await settingsCache.GetAsync(cancellationToken);
        if (request.Kind == SignatureKind.Disagree && !settings.DisagreementEnabled)
        {
            return SignOutcome.DisagreementDisabled;
        }

        // The petition's state, the person's verification level and the duplicate check are read by the
        // batcher for the whole group, inside the transaction that writes it.
        return await batcher.WriteAsync(request);
    }
}

/// <summary>What happens when a petition reaches a threshold; shared by signing and by the recipe steps.</summary>
public static class ThresholdActions
{
    public static async Task ApplyAsync(SiteDbContext db, Petition petition, PetitionSettings settings, bool answer, bool agenda, DateTime now,
        PetitionEmails emails, CancellationToken cancellationToken)
    {
        if (answer)
        {
            petition.ReachThreshold(settings.AnswerDueDays, now);
            db.Add(new PetitionEvent { PetitionId = petition.Id, Kind = "threshold-reached", ActorName = "", Note = petition.SignatureCount.ToString(System.Globalization.CultureInfo.InvariantCulture), CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await emails.ThresholdReachedStaffAsync(petition, cancellationToken);
            await emails.StartSignerMailingAsync(petition, PetitionMailingKinds.ThresholdReached, now, cancellationToken);
        }

        if (agenda)
        {
            petition.ProposeForAgenda(now);
            db.Add(new PetitionEvent { PetitionId = petition.Id, Kind = "proposed-for-deliberation", ActorName = "", CreatedAt = now });
            var codes = await PetitionCodes.ForAsync(db, petition, cancellationToken);
            // Saved with the proposal and handled by the registry after the commit, not on the signature writer's thread.
            db.Raise(new OutcomePublished(
                OutcomeOrigin.Petition, petition.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), petition.Title,
                $"/petitions/{petition.Id}", "proposed-for-deliberation",
                $"시민 {petition.SignatureCount:N0}명이 동의한 청원으로, 시민참여위원회 심의 안건으로 제안되었습니다.",
                codes.Field, codes.Region, now, null, null), now);
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
