using System.Security.Claims;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Discussion.Features;

public enum CommentSort
{
    Oldest,
    Newest,
    MostVoted,
}

/// <summary>
/// One page of a thread: its first-level comments in the chosen order with all their replies, read with indexed
/// queries however long the thread is; the authors' names from the Users module.
/// </summary>
public sealed record GetThreadPage(ThreadKey Key, CommentSort Sort, int Page, ClaimsPrincipal Viewer) : IRequest<ThreadPage?>;

/// <param name="Viewer">What the person looking may do; null for a visitor.</param>
public sealed record ThreadPage(
    ThreadKey Key,
    ThreadPolicy Policy,
    CommentSort Sort,
    int Page,
    int Pages,
    int FirstLevelTotal,
    IReadOnlyList<CommentView> Comments,
    ThreadSummary Summary,
    int SlowModeSeconds,
    int LatestId,
    ViewerState? Viewer)
{
    public bool CanComment => Policy.Open && Viewer is { LevelTooLow: false, Blocked: false };
}

/// <param name="LevelTooLow">Their verification level is below the thread's minimum.</param>
public sealed record ViewerState(Guid Id, bool LevelTooLow, bool Blocked, bool CanModerate);

public sealed record CommentView(
    int Id,
    int? ParentId,
    int Depth,
    string AuthorName,
    bool AuthorDeleted,
    string Body,
    Stance? Stance,
    DateTime CreatedAt,
    DateTime? EditedAt,
    int Up,
    int Down,
    CommentState State,
    string? ModerationReason,
    bool AuthorBlocked,
    VoteDirection? MyVote,
    bool Mine,
    int EditMinutesLeft,
    IReadOnlyList<CommentView> Replies)
{
    public bool IsShown => State == CommentState.Visible && !AuthorBlocked;
}

public sealed class GetThreadPageHandler(SiteDbContext db, ThreadAccess access, IMediator mediator, ISettings<DiscussionSettings> settings, TimeProvider clock)
    : IRequestHandler<GetThreadPage, ThreadPage?>
{
    public async Task<ThreadPage?> Handle(GetThreadPage request, CancellationToken cancellationToken)
    {
        var key = request.Key;
        if (await access.PolicyAsync(key, cancellationToken) is not { } policy)
        {
            return null;
        }

        var size = (await settings.GetAsync(cancellationToken)).CommentsPerPage;
        var thread = db.Set<Comment>().AsNoTracking().Where(c => c.Kind == key.Kind && c.ItemId == key.Id);
        var firstLevel = thread.Where(c => c.ParentId == null);
        var total = await firstLevel.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(request.Page, 1, pages);
        var ordered = request.Sort switch
        {
            CommentSort.Newest => firstLevel.OrderByDescending(c => c.Id),
            CommentSort.MostVoted => firstLevel.OrderByDescending(c => c.Score).ThenBy(c => c.Id),
            _ => firstLevel.OrderBy(c => c.Id),
        };
        var roots = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var rootIds = roots.Select(r => r.Id).ToList();
        var replies = rootIds.Count == 0 ? [] : await thread.Where(c => c.RootId != null && rootIds.Contains(c.RootId.Value)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var all = roots.Concat(replies).ToList();

        var people = await mediator.Send(new GetPeople(all.Select(c => c.AuthorId).Distinct().ToList()), cancellationToken);
        var viewerId = request.Viewer.UserId();
        var myVotes = viewerId is { } me && all.Count > 0
            ? await db.Set<CommentVote>().AsNoTracking().Where(v => v.PersonId == me && all.Select(c => c.Id).Contains(v.CommentId)).ToDictionaryAsync(v => v.CommentId, v => v.Direction, cancellationToken)
            : [];
        var now = clock.GetUtcNow().UtcDateTime;
        var childrenOf = replies.ToLookup(c => c.ParentId);

        CommentView View(Comment c) => new(
            c.Id, c.ParentId, c.Depth,
            people.TryGetValue(c.AuthorId, out var p) ? p.PublicName : Labels.DeletedAccount,
            !people.ContainsKey(c.AuthorId),
            c.Body, c.Stance, c.CreatedAt, c.EditedAt, c.Up, c.Down, c.State, c.ModerationReason, c.AuthorBlocked,
            myVotes.TryGetValue(c.Id, out var v) ? v : null,
            viewerId == c.AuthorId,
            viewerId == c.AuthorId && c.CanEdit(c.AuthorId, now) ? c.EditMinutesLeft(now) : 0,
            childrenOf[c.Id].Select(View).ToList());

        ViewerState? viewer = null;
        if (viewerId is { } id)
        {
            var person = await mediator.Send(new GetPerson(id), cancellationToken);
            viewer = new ViewerState(id, person is null || person.VerificationLevel < policy.MinimumLevel,
                await access.IsBlockedAsync(id, cancellationToken), await access.CanModerateAsync(request.Viewer, policy));
        }

        var slowMode = await db.Set<ThreadSettings>().Where(s => s.Kind == key.Kind && s.ItemId == key.Id).Select(s => s.SlowModeSeconds).FirstOrDefaultAsync(cancellationToken);
        var latest = await thread.MaxAsync(c => (int?)c.Id, cancellationToken) ?? 0;
        return new ThreadPage(key, policy, request.Sort, page, pages, total, roots.Select(View).ToList(),
            await ThreadSummaries.OfAsync(thread, cancellationToken), slowMode, latest, viewer);
    }
}
