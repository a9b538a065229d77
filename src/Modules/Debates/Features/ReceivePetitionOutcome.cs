using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Debates.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>
/// A petition that reached the agenda threshold goes before the committee as a candidate, once: an event is handed
/// over at least once, so the candidate is looked for first and a unique index (source, petition) backs the check.
/// </summary>
public sealed class ReceivePetitionOutcomeHandler(SiteDbContext db, TimeProvider clock) : INotificationHandler<OutcomePublished>
{
    public const string Decision = "proposed-for-deliberation";

    public async Task Handle(OutcomePublished notification, CancellationToken cancellationToken)
    {
        if (notification.Origin != OutcomeOrigin.Petition || notification.Decision != Decision)
        {
            return;
        }

        var candidates = db.Set<AgendaCandidate>();
        if (await candidates.AnyAsync(c => c.Source == AgendaSource.Petition && c.OriginId == notification.OriginId, cancellationToken))
        {
            return;
        }

        var title = notification.Title.Length > 200 ? notification.Title[..200] : notification.Title;
        candidates.Add(AgendaCandidate.FromPetition(notification.OriginId, title, notification.Summary, notification.Link, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}
