using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>
/// A press of the up or down button: the same way again takes the vote back, the other way switches it. Not an
/// <c>ICommand</c>: it runs its own transaction, tried again should the (comment, person) key still be raced for.
/// </summary>
public sealed record VoteOnComment(int CommentId, Guid PersonId, VoteDirection Direction) : IRequest<ThreadKey>;

public sealed class VoteOnCommentHandler(SiteDbContext db, ThreadAccess access, TimeProvider clock, IStringLocalizer<VoteOnComment> t) : IRequestHandler<VoteOnComment, ThreadKey>
{
    private const int Attempts = 3;

    public async Task<ThreadKey> Handle(VoteOnComment request, CancellationToken cancellationToken)
    {
        var thread = await db.Set<Comment>().AsNoTracking().Where(c => c.Id == request.CommentId).Select(c => new { c.Kind, c.ItemId, c.AuthorId }).FirstOrDefaultAsync(cancellationToken)
                     ?? throw new RequestValidationException("", t["The comment was not found."]);
        var key = new ThreadKey(thread.Kind, thread.ItemId);
        var policy = await access.RequirePolicyAsync(key, cancellationToken);
        await access.RequireParticipantAsync(request.PersonId, policy, needsOpen: true, cancellationToken);
        if (thread.AuthorId == request.PersonId)
        {
            throw new RequestValidationException("", t["You cannot vote on your own comment."]);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await strategy.ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await PressAsync(request, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                });
                return key;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task PressAsync(VoteOnComment request, CancellationToken cancellationToken)
    {
        await access.LockCommentAsync(request.CommentId, cancellationToken);
        var vote = await db.Set<CommentVote>().FirstOrDefaultAsync(v => v.CommentId == request.CommentId && v.PersonId == request.PersonId, cancellationToken);
        var before = vote?.Direction;
        var after = CommentVote.Press(before, request.Direction);
        if (vote is null)
        {
            db.Add(new CommentVote { CommentId = request.CommentId, PersonId = request.PersonId, Direction = request.Direction, At = clock.GetUtcNow().UtcDateTime });
        }
        else if (after is null)
        {
            db.Remove(vote);
        }
        else
        {
            vote.Direction = after.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
        // Added in the database, not read and written back: presses by different people on one comment at once all count.
        var (up, down) = CommentVote.Change(before, after);
        await db.Set<Comment>().Where(c => c.Id == request.CommentId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Up, c => c.Up + up).SetProperty(c => c.Down, c => c.Down + down).SetProperty(c => c.Score, c => c.Score + up - down), cancellationToken);
    }
}
