using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>A moderator hides a comment (the reason is shown in place of its text) or shows it again; never deleted.</summary>
public sealed class ModerateComment : ModerationForm, ICommand<ThreadKey>
{
    [BindNever]
    public int CommentId { get; set; }

    public bool Hide { get; set; }
}

public sealed class ModerateCommentHandler(SiteDbContext db, ThreadAccess access, TimeProvider clock) : IRequestHandler<ModerateComment, ThreadKey>
{
    public async Task<ThreadKey> Handle(ModerateComment request, CancellationToken cancellationToken)
    {
        var (comment, policy) = await access.CommentAsync(request.CommentId, cancellationToken);
        await access.RequireModeratorAsync(request.Actor, policy);
        var reason = request.Reason.Trim();
        if (request.Hide)
        {
            comment.Hide(reason);
        }
        else
        {
            comment.Restore();
        }

        access.Log(request.Actor, request.Hide ? ModerationAction.Hide : ModerationAction.Restore, reason, comment.Thread, comment.Id, comment.AuthorId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return comment.Thread;
    }
}
