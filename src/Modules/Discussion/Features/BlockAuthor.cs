using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>
/// A moderator of the comment's thread blocks its author: all their comments, in every thread, are hidden and they
/// can no longer take part anywhere, until an administrator unblocks them (<see cref="UnblockPerson"/>).
/// </summary>
public sealed class BlockAuthor : ModerationForm, ICommand<ThreadKey>
{
    [BindNever]
    public int CommentId { get; set; }
}

public sealed class BlockAuthorHandler(SiteDbContext db, ThreadAccess access, TimeProvider clock, IStringLocalizer<BlockAuthor> t) : IRequestHandler<BlockAuthor, ThreadKey>
{
    public async Task<ThreadKey> Handle(BlockAuthor request, CancellationToken cancellationToken)
    {
        var (comment, policy) = await access.CommentAsync(request.CommentId, cancellationToken);
        await access.RequireModeratorAsync(request.Actor, policy);
        if (await access.IsBlockedAsync(comment.AuthorId, cancellationToken))
        {
            throw new RequestValidationException("", t["This person is already blocked."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reason = request.Reason.Trim();
        db.Add(new BlockedPerson { PersonId = comment.AuthorId, Reason = reason, BlockedBy = request.Actor.UserId() ?? Guid.Empty, At = now });
        access.Log(request.Actor, ModerationAction.Block, reason, comment.Thread, comment.Id, comment.AuthorId, now);
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<Comment>().Where(c => c.AuthorId == comment.AuthorId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorBlocked, true), cancellationToken);
        return comment.Thread;
    }
}
