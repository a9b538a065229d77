using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Modules.Discussion.Domain;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Discussion.Services;

/// <summary>A thread's visible comments and first-level stances, counted by the database (two indexed queries).</summary>
public static class ThreadSummaries
{
    public static async Task<ThreadSummary> OfAsync(IQueryable<Comment> thread, CancellationToken cancellationToken)
    {
        var shown = thread.Where(c => c.State == CommentState.Visible && !c.AuthorBlocked);
        var comments = await shown.CountAsync(cancellationToken);
        var stances = await shown.Where(c => c.ParentId == null && c.Stance != null)
            .GroupBy(c => c.Stance).Select(g => new { Stance = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(Stance s) => stances.FirstOrDefault(x => x.Stance == s)?.Count ?? 0;
        return new ThreadSummary(comments, Of(Stance.For), Of(Stance.Neutral), Of(Stance.Against));
    }
}
