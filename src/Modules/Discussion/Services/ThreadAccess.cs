using System.Security.Claims;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Discussion.Domain;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Discussion.Services;

/// <summary>
/// Who may do what in a thread, from the owner's <see cref="ThreadPolicy"/> read at every write and render: the
/// owner decides whether the thread is open, the level needed and the permission that moderates it.
/// </summary>
public sealed class ThreadAccess(
    IEnumerable<IDiscussionThreadOwner> owners,
    IMediator mediator,
    IAuthorizationService authorization,
    PermissionRegistry permissions,
    Core.Data.SiteDbContext db,
    IStringLocalizer<ThreadAccess> t)
{
    /// <summary>The owner's policy; null when no module owns the kind or the item is not public.</summary>
    public async Task<ThreadPolicy?> PolicyAsync(ThreadKey key, CancellationToken cancellationToken) =>
        owners.FirstOrDefault(o => o.Kind == key.Kind) is { } owner ? await owner.GetPolicyAsync(key.Id, cancellationToken) : null;

    public async Task<ThreadPolicy> RequirePolicyAsync(ThreadKey key, CancellationToken cancellationToken) =>
        await PolicyAsync(key, cancellationToken) ?? throw new RequestValidationException("", t["This discussion does not exist."]);

    /// <summary>
    /// Writes the comment's row without changing it, which locks it until the commit in every provider: changes of
    /// its votes and reports take turns, each reading what the previous one left. False when there is no such comment.
    /// </summary>
    public async Task<bool> LockCommentAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<Comment>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Score, c => c.Score), cancellationToken) > 0;

    /// <summary>A comment (tracked, to change it) and its thread's policy; refused when either is gone.</summary>
    public async Task<(Comment Comment, ThreadPolicy Policy)> CommentAsync(int id, CancellationToken cancellationToken)
    {
        var comment = await db.Set<Comment>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                      ?? throw new RequestValidationException("", t["The comment was not found."]);
        return (comment, await RequirePolicyAsync(comment.Thread, cancellationToken));
    }

    /// <summary>
    /// The person may write, vote or report in the thread: their account exists, has the level the owner asks for,
    /// and is not blocked. <paramref name="needsOpen"/>: a closed thread takes no comments, edits or votes, but reports still reach moderators.
    /// </summary>
    public async Task RequireParticipantAsync(Guid personId, ThreadPolicy policy, bool needsOpen, CancellationToken cancellationToken)
    {
        if (needsOpen && !policy.Open)
        {
            throw new RequestValidationException("", t["This discussion is closed: it shows its comments but takes no new ones."]);
        }

        var person = await mediator.Send(new GetPerson(personId), cancellationToken)
                     ?? throw new RequestValidationException("", t["Your account no longer exists."]);
        if (person.VerificationLevel < policy.MinimumLevel)
        {
            throw new RequestValidationException("", t[Labels.NeedsLevel(policy.MinimumLevel)]);
        }

        if (await IsBlockedAsync(personId, cancellationToken))
        {
            throw new RequestValidationException("", t["A moderator has blocked you from taking part in discussions."]);
        }
    }

    public Task<bool> IsBlockedAsync(Guid personId, CancellationToken cancellationToken) =>
        db.Set<BlockedPerson>().AnyAsync(b => b.PersonId == personId, cancellationToken);

    /// <summary>Whether the user holds the permission the thread's owner named (administrators hold every permission).</summary>
    public async Task<bool> CanModerateAsync(ClaimsPrincipal user, ThreadPolicy policy) =>
        await authorization.AuthorizeAsync(user, permissions.Find(policy.ModeratePermission) ?? new Permission(policy.ModeratePermission, "", ""));

    public async Task RequireModeratorAsync(ClaimsPrincipal user, ThreadPolicy policy)
    {
        if (!await CanModerateAsync(user, policy))
        {
            throw new ForbiddenException("Not a moderator of this discussion.");
        }
    }

    /// <summary>Writes a line of the audit log (saved with the caller's change).</summary>
    public void Log(ClaimsPrincipal? actor, ModerationAction action, string reason, ThreadKey? thread, int? commentId, Guid? personId, DateTime now) =>
        db.Add(new ModerationEntry
        {
            At = now,
            ActorId = actor?.UserId(),
            ActorName = actor?.DisplayName() ?? "",
            Action = action,
            Reason = reason,
            Kind = thread?.Kind,
            ItemId = thread?.Id,
            CommentId = commentId,
            PersonId = personId,
        });
}
