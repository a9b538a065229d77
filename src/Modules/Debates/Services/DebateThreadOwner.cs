using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Debates.Domain;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Debates.Services;

/// <summary>A debate's comment thread: shown once the debate is public, open only while it deliberates, with stances, moderated by the committee.</summary>
public sealed class DebateThreadOwner(SiteDbContext db, TimeProvider clock) : IDiscussionThreadOwner
{
    public const string ThreadKind = "debate";

    public string Kind => ThreadKind;

    public async Task<ThreadPolicy?> GetPolicyAsync(int id, CancellationToken cancellationToken)
    {
        var debate = await db.Set<Debate>().AsNoTracking().Include(d => d.Schedule).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (debate is null || !debate.IsPublic)
        {
            return null;
        }

        return new ThreadPolicy(debate.Title, $"/debates/{debate.Id}", debate.DeliberationOpen(clock.GetUtcNow().UtcDateTime), Stances: true,
            debate.MinimumLevel, DebatePermissions.Moderate.Name);
    }
}
