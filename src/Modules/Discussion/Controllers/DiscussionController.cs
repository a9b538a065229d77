using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Discussion.Controllers;

/// <summary>
/// The thread's own page, its permalinks and the forms every thread posts to. The handlers check the owner's policy
/// (open, level, moderators); a refusal shows the thread's page again with the message and the text kept.
/// </summary>
[Area("Discussion")]
[Route("discussion")]
public sealed class DiscussionController(IMediator mediator, IStringLocalizer<DiscussionController> t) : Controller
{
    /// <summary>An owner's kind ("debate"); a kind no module owns has no threads (404).</summary>
    private const string KindPattern = "{kind}";

    [HttpGet(KindPattern + "/{id:int}")]
    public async Task<IActionResult> Thread(string kind, int id, CommentSort sort = CommentSort.Oldest, int page = 1) =>
        await ShowAsync(new ThreadKey(kind, id), sort, page, null, null);

    /// <summary>The thread's script polls this for comments newer than the page shows.</summary>
    [HttpGet(KindPattern + "/{id:int}/updates")]
    public async Task<IActionResult> Updates(string kind, int id, int after = 0)
    {
        var updates = await mediator.Send(new GetThreadUpdates(new ThreadKey(kind, id), after));
        if (updates is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-cache";
        return Json(new { latest = updates.Latest, count = updates.New });
    }

    [HttpGet("comments/{commentId:int}")]
    public async Task<IActionResult> Permalink(int commentId) =>
        await mediator.Send(new FindComment(commentId)) is { } at
            ? Redirect($"{Url.Action(nameof(Thread), new { kind = at.Key.Kind, id = at.Key.Id, page = at.Page })}#comment-{commentId}")
            : NotFound();

    [Authorize]
    [HttpPost(KindPattern + "/{id:int}/comments")]
    public async Task<IActionResult> Post(string kind, int id, PostComment form, string? returnUrl)
    {
        form.Kind = kind;
        form.ItemId = id;
        form.PersonId = User.RequiredUserId();
        return await SendAsync(new ThreadKey(kind, id), form, returnUrl, created => $"comment-{created}", form);
    }

    [Authorize]
    [HttpGet("comments/{commentId:int}/edit")]
    public async Task<IActionResult> Edit(int commentId, string? returnUrl)
    {
        var at = await mediator.Send(new FindComment(commentId));
        if (at is null || at.AuthorId != User.RequiredUserId())
        {
            return NotFound();
        }

        return View(new CommentFormView(commentId, at, returnUrl, new EditComment { Body = at.Body }, null));
    }

    [Authorize]
    [HttpPost("comments/{commentId:int}/edit")]
    public async Task<IActionResult> Edit(int commentId, EditComment form, string? returnUrl)
    {
        form.CommentId = commentId;
        form.PersonId = User.RequiredUserId();
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true, Result: var key })
        {
            return Back(key, returnUrl, $"comment-{commentId}");
        }

        return await mediator.Send(new FindComment(commentId)) is { } at ? View(new CommentFormView(commentId, at, returnUrl, form, null)) : NotFound();
    }

    [Authorize]
    [HttpPost("comments/{commentId:int}/vote")]
    public async Task<IActionResult> Vote(int commentId, VoteDirection direction, string? returnUrl) =>
        await SendAboutCommentAsync(commentId, new VoteOnComment(commentId, User.RequiredUserId(), direction), returnUrl);

    [Authorize]
    [HttpGet("comments/{commentId:int}/report")]
    public async Task<IActionResult> Report(int commentId, string? returnUrl) =>
        await mediator.Send(new FindComment(commentId)) is { } at ? View(new CommentFormView(commentId, at, returnUrl, null, new ReportComment())) : NotFound();

    [Authorize]
    [HttpPost("comments/{commentId:int}/report")]
    public async Task<IActionResult> Report(int commentId, ReportComment form, string? returnUrl)
    {
        form.CommentId = commentId;
        form.PersonId = User.RequiredUserId();
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true, Result: var key })
        {
            TempData["Notice"] = t["Thank you: moderators will look at the comment."].Value;
            return Back(key, returnUrl, $"comment-{commentId}");
        }

        return await mediator.Send(new FindComment(commentId)) is { } at ? View(new CommentFormView(commentId, at, returnUrl, null, form)) : NotFound();
    }

    [Authorize]
    [HttpPost(KindPattern + "/{id:int}/slow-mode")]
    public async Task<IActionResult> SlowMode(string kind, int id, SetSlowMode form, string? returnUrl)
    {
        form.Kind = kind;
        form.ItemId = id;
        form.Actor = User;
        return await SendAsync(new ThreadKey(kind, id), form, returnUrl, _ => "discussion", null);
    }

    private async Task<IActionResult> SendAboutCommentAsync(int commentId, IRequest<ThreadKey> command, string? returnUrl)
    {
        var at = await mediator.Send(new FindComment(commentId));
        return at is null ? NotFound() : await SendAsync(at.Key, command, returnUrl, _ => $"comment-{commentId}", null);
    }

    /// <summary>Sends a thread's form; a refusal shows the thread's page with the message (422, or 429 for slow mode) and the text kept.</summary>
    private async Task<IActionResult> SendAsync<T>(ThreadKey key, IRequest<T> command, string? returnUrl, Func<T, string> anchor, PostComment? draft)
    {
        try
        {
            if (await mediator.SendFormAsync(command, ModelState) is { Succeeded: true, Result: var result })
            {
                return Back(key, returnUrl, anchor(result));
            }
        }
        catch (LimitReachedException ex)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return await ShowAsync(key, CommentSort.Oldest, 1, ex.Message, draft, returnUrl);
        }

        var message = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        return await ShowAsync(key, CommentSort.Oldest, 1, message, draft, returnUrl);
    }

    private async Task<IActionResult> ShowAsync(ThreadKey key, CommentSort sort, int page, string? error, PostComment? draft, string? returnUrl = null)
    {
        var thread = await mediator.Send(new GetThreadPage(key, sort, page, User));
        if (thread is null)
        {
            return NotFound();
        }

        var back = Url.IsLocalUrl(returnUrl) ? returnUrl! : Request.Path + Request.QueryString;
        return View("Thread", new ThreadView(thread, Standalone: true, HttpMethods.IsGet(Request.Method) ? Request.Path + Request.QueryString : back, error, draft));
    }

    private RedirectResult Back(ThreadKey key, string? returnUrl, string anchor)
    {
        var url = Url.IsLocalUrl(returnUrl) ? returnUrl!.Split('#')[0] : Url.Action(nameof(Thread), new { kind = key.Kind, id = key.Id })!;
        return Redirect($"{url}#{anchor}");
    }
}

/// <summary>The page of one comment's edit or report form.</summary>
public sealed record CommentFormView(int CommentId, CommentLocation At, string? ReturnUrl, EditComment? Edit, ReportComment? Report);
