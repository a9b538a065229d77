using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Modules.Discussion.Features;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CitizenParticipation.Modules.Discussion.Controllers;

/// <summary>
/// The thread on its item's page (<c>Component.InvokeAsync(DiscussionThread.Component, new { key })</c>): the first
/// page in the order the page's <c>sort</c> query asks for, the comment form, and a pager to the thread's own page.
/// </summary>
[ViewComponent(Name = DiscussionThread.Component)]
public sealed class DiscussionThreadViewComponent(IMediator mediator) : ViewComponent
{
    public const string ViewPath = "~/Areas/Discussion/Views/Shared/_Thread.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(ThreadKey key)
    {
        var sort = Enum.TryParse<CommentSort>(Request.Query["sort"], true, out var s) ? s : CommentSort.Oldest;
        var page = await mediator.Send(new GetThreadPage(key, sort, 1, UserClaimsPrincipal));
        return page is null ? Content("") : View(ViewPath, new ThreadView(page, Standalone: false, Request.Path + Request.QueryString));
    }
}

/// <param name="ReturnUrl">Where the thread's forms come back to: the item's page or the thread's own page.</param>
/// <param name="Error">A refusal of what was just posted, shown above the form it came from.</param>
/// <param name="Draft">What was posted, to fill the form again.</param>
public sealed record ThreadView(ThreadPage Thread, bool Standalone, string ReturnUrl, string? Error = null, PostComment? Draft = null);

/// <summary>One comment and the thread it is shown in, for the comment's partial view.</summary>
public sealed record CommentItem(CommentView Comment, ThreadView Thread);
