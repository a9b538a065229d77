using System.Security.Claims;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Paging;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>
/// Reported comments waiting for a moderator, those hidden by reports first, of the threads the person moderates
/// (each thread's owner names its moderate permission, so rows are checked one thread at a time).
/// </summary>
public sealed record ListModerationQueue(ClaimsPrincipal Moderator, int Page = 1) : IRequest<ModerationQueue>;

public sealed record ModerationQueue(IReadOnlyList<QueuedComment> Rows, ListPage Page);

public sealed record QueuedComment(int Id, ThreadKey Thread, string ThreadTitle, string ThreadLink, string AuthorName, string Body, DateTime CreatedAt,
    CommentState State, int OpenReports, IReadOnlyList<ReportReason> Reasons, IReadOnlyList<string> Notes, bool AuthorBlocked);

public sealed class ListModerationQueueHandler(SiteDbContext db, ThreadAccess access, IMediator mediator) : IRequestHandler<ListModerationQueue, ModerationQueue>
{
    /// <summary>How many waiting comments are read at most: a queue longer than this is a crisis the first pages show well enough.</summary>
    private const int Limit = 1000;

    public async Task<ModerationQueue> Handle(ListModerationQueue request, CancellationToken cancellationToken)
    {
        var waiting = await db.Set<Comment>().AsNoTracking().Where(c => c.OpenReports > 0)
            .OrderByDescending(c => c.State == CommentState.AwaitingReview).ThenByDescending(c => c.OpenReports).ThenBy(c => c.Id)
            .Take(Limit).ToListAsync(cancellationToken);

        var policies = new Dictionary<ThreadKey, ThreadPolicy?>();
        var mine = new List<(Comment Comment, ThreadPolicy Policy)>();
        foreach (var c in waiting)
        {
            if (!policies.TryGetValue(c.Thread, out var policy))
            {
                policy = await access.PolicyAsync(c.Thread, cancellationToken);
                policies[c.Thread] = policy = policy is not null && await access.CanModerateAsync(request.Moderator, policy) ? policy : null;
            }

            if (policy is not null)
            {
                mine.Add((c, policy));
            }
        }

        var (rows, page) = mine.ToListPage(request.Page);
        var ids = rows.Select(r => r.Comment.Id).ToList();
        var reports = (await db.Set<CommentReport>().AsNoTracking().Where(r => ids.Contains(r.CommentId)).OrderBy(r => r.Id).ToListAsync(cancellationToken)).ToLookup(r => r.CommentId);
        var people = await mediator.Send(new GetPeople(rows.Select(r => r.Comment.AuthorId).Distinct().ToList()), cancellationToken);
        return new ModerationQueue(rows.Select(r => new QueuedComment(r.Comment.Id, r.Comment.Thread, r.Policy.Title, r.Policy.Link,
            people.TryGetValue(r.Comment.AuthorId, out var p) ? p.DisplayName : Labels.DeletedAccount,
            r.Comment.Body, r.Comment.CreatedAt, r.Comment.State, r.Comment.OpenReports,
            reports[r.Comment.Id].Select(x => x.Reason).Distinct().ToList(),
            reports[r.Comment.Id].Where(x => !string.IsNullOrEmpty(x.Text)).Select(x => x.Text!).ToList(), r.Comment.AuthorBlocked)).ToList(), page);
    }
}
