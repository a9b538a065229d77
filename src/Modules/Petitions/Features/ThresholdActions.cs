using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Events;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;

namespace CitizenParticipation.Modules.Petitions.Features;

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
