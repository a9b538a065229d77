using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Debates.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Services;

public static class DebateLoading
{
    /// <summary>The debate with its schedule, tracked, for a change; a missing one refuses the request.</summary>
    public static async Task<Debate> LoadDebateAsync(this SiteDbContext db, int id, IStringLocalizer t, CancellationToken cancellationToken) =>
        await db.Set<Debate>().Include(d => d.Schedule).FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
        ?? throw new RequestValidationException("", t["The debate was not found."]);

    /// <summary>Saves a committee change with its log entry; a second member's change to the same phase at once is refused.</summary>
    public static async Task SaveChangeAsync(this SiteDbContext db, Debate debate, DebateChange change, Guid? actorId, string actorName, DateTime now, IStringLocalizer t, CancellationToken cancellationToken)
    {
        db.Add(new DebateLogEntry(debate.Id, change, actorId, actorName, now));
        await db.SaveCommitteeDecisionAsync(t, cancellationToken);
    }

    /// <summary>Saves a committee decision; one that another member made on the same state at the same time (the state is a concurrency token) is refused.</summary>
    public static async Task SaveCommitteeDecisionAsync(this SiteDbContext db, IStringLocalizer t, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestValidationException("", t["Another committee member made a change here at the same time. Look again and repeat yours if it is still needed."]);
        }
    }
}
