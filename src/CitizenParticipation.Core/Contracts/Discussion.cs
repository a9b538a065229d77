using CitizenParticipation.Core.Data;
using MediatR;

namespace CitizenParticipation.Core.Contracts;

/// <summary>
/// A comment thread attached to another module's item: the owning module's kind (<c>debate</c>, <c>proposal</c>,
/// <c>budget-project</c>) and the item's id there. The Discussion module owns the comments; the item's module owns
/// the item and says, through <see cref="IDiscussionThreadOwner"/>, who may take part and whether the thread is open.
/// </summary>
public readonly record struct ThreadKey(string Kind, int Id)
{
    public override string ToString() => $"{Kind}/{Id}";
}

/// <summary>What the owner of an item decides about its thread, read each time someone writes (so a debate that leaves its deliberation phase closes its thread at once).</summary>
/// <param name="Title">The item's title, shown in the moderation queue and the audit log.</param>
/// <param name="Link">Site-relative link to the item's page, where the thread is shown.</param>
/// <param name="Open">Whether the thread takes new comments; a closed thread still shows them.</param>
/// <param name="Stances">Whether a top-level comment takes a stance (for / neutral / against).</param>
/// <param name="MinimumLevel">The verification level needed to comment, vote on comments and report.</param>
/// <param name="ModeratePermission">The permission that lets someone moderate this thread (committee members for debates, staff elsewhere).</param>
public sealed record ThreadPolicy(string Title, string Link, bool Open, bool Stances, VerificationLevel MinimumLevel, string ModeratePermission);

/// <summary>Registered (as a singleton or scoped service) by each module that attaches threads to its items, once per <see cref="Kind"/>.</summary>
public interface IDiscussionThreadOwner
{
    string Kind { get; }

    /// <summary>The thread's policy, or null when the item does not exist or is not public (then the thread is not shown and takes nothing).</summary>
    Task<ThreadPolicy?> GetPolicyAsync(int id, CancellationToken cancellationToken);
}

/// <summary>How many visible comments a thread has, and their stances; answered by the Discussion module (zeros for a thread nobody wrote in).</summary>
public sealed record GetThreadSummary(ThreadKey Key) : IRequest<ThreadSummary>;

public sealed record ThreadSummary(int Comments, int For, int Neutral, int Against);

/// <summary>The view component an item's page renders to show its thread: <c>@await Component.InvokeAsync(DiscussionThread.Component, new { key })</c>.</summary>
public static class DiscussionThread
{
    public const string Component = "DiscussionThread";
}

/// <summary>
/// A comment written into a thread as it was written at <paramref name="At"/>, for recipes (the demo) and imports: the
/// thread's open state, slow mode and the author's level are not checked. Answered with the comment's id.
/// </summary>
/// <param name="Stance">for, neutral or against, on a top-level comment of a thread that takes stances.</param>
/// <param name="ParentId">The comment it answers, in the same thread.</param>
public sealed record ImportComment(ThreadKey Key, Guid AuthorId, string Body, string? Stance, int? ParentId, DateTime At) : IRequest<int>;
