using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Debates.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Services;

/// <summary>Who may take part in a debate's opinion map, now: the debate is deliberating and the person reaches its verification level.</summary>
public static class Participation
{
    public static async Task CheckAsync(SiteDbContext db, DebateAccess access, int debateId, Guid personId, DateTime now, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var debate = await db.Set<Debate>().AsNoTracking().Include(d => d.Schedule).FirstOrDefaultAsync(d => d.Id == debateId, cancellationToken);
        if (debate is null || !debate.IsPublic)
        {
            throw new RequestValidationException("", t["The debate was not found."]);
        }

        if (!debate.DeliberationOpen(now))
        {
            throw new RequestValidationException("", t["Statements and votes are taken only while the debate is in its deliberation phase."]);
        }

        await CheckLevelAsync(access, debate, personId, t, cancellationToken);
    }

    /// <summary>Refuses a person below the debate's verification level, saying what they need to do.</summary>
    public static async Task CheckLevelAsync(DebateAccess access, Debate debate, Guid personId, IStringLocalizer t, CancellationToken cancellationToken)
    {
        if (!DebateAccess.Reaches(await access.PersonAsync(personId, cancellationToken), debate.MinimumLevel))
        {
            throw new RequestValidationException("", debate.MinimumLevel == VerificationLevel.ResidentVerified
                ? t["This debate is open to verified residents. Verify your residence in your profile to take part."]
                : t["Confirm your email address to take part in this debate."]);
        }
    }
}
