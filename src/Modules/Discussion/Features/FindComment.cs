using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>Where a comment is: its thread and the page (oldest first) of the thread page that shows it, for its permalink.</summary>
public sealed record FindComment(int CommentId) : IRequest<CommentLocation?>;

public sealed record CommentLocation(ThreadKey Key, int Page, Guid AuthorId, string Body, DateTime CreatedAt);

public sealed class FindCommentHandler(SiteDbContext db, ISettings<DiscussionSettings> settings) : IRequestHandler<FindComment, CommentLocation?>
{
    public async Task<CommentLocation?> Handle(FindComment request, CancellationToken cancellationToken)
    {
        var comment = await db.Set<Comment>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CommentId, cancellationToken);
        if (comment is null)
        {
            return null;
        }

        var root = comment.RootId ?? comment.Id;
        var before = await db.Set<Comment>().CountAsync(c => c.Kind == comment.Kind && c.ItemId == comment.ItemId && c.ParentId == null && c.Id < root, cancellationToken);
        var size = (await settings.GetAsync(cancellationToken)).CommentsPerPage;
        return new CommentLocation(comment.Thread, before / size + 1, comment.AuthorId, comment.Body, comment.CreatedAt);
    }
}
