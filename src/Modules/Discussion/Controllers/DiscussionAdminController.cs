using CitizenParticipation.Core.Csv;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Discussion.Features;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Discussion.Controllers;

public sealed record QueueView(ModerationQueue Queue, string? Error);
public sealed record BlocksView(BlockedPeople Blocked, string? Error);

/// <summary>
/// The moderation queue (each action checked in its handler against the thread's own moderate permission), the
/// blocked people and the audit log (administrators).
/// </summary>
[Admin]
[Area("Discussion")]
[Route("admin/discussion")]
public sealed class DiscussionAdminController(IMediator mediator, IAuthorizationService authorization, ISettings<DiscussionSettings> settings, IStringLocalizer<DiscussionAdminController> t) : Controller
{
    [HttpGet("queue")]
    public async Task<IActionResult> Queue(int page = 1)
    {
        if (!await authorization.AuthorizeAsync(User, DiscussionPermissions.ViewModerationQueue)) return Forbid();
        return View(new QueueView(await mediator.Send(new ListModerationQueue(User, page)), null));
    }

    [HttpPost("comments/{commentId:int}/moderate")]
    public async Task<IActionResult> Moderate(int commentId, ModerateComment form, string? returnUrl)
    {
        form.CommentId = commentId;
        form.Actor = User;
        return await QueueActionAsync(form, form.Hide ? t["The comment was hidden."] : t["The comment is shown again."], returnUrl, $"#comment-{commentId}");
    }

    [HttpPost("comments/{commentId:int}/block")]
    public async Task<IActionResult> Block(int commentId, BlockAuthor form)
    {
        form.CommentId = commentId;
        form.Actor = User;
        return await QueueActionAsync(form, t["The author was blocked: their comments are hidden and they can no longer take part."], null, "");
    }

    [HttpGet("blocks")]
    public async Task<IActionResult> Blocks(int page = 1)
    {
        if (!await authorization.AuthorizeAsync(User, DiscussionPermissions.ManageModeration)) return Forbid();
        return View(new BlocksView(await mediator.Send(new ListBlockedPeople(page)), null));
    }

    [HttpPost("blocks/{personId:guid}/unblock")]
    public async Task<IActionResult> Unblock(Guid personId, UnblockPerson form)
    {
        if (!await authorization.AuthorizeAsync(User, DiscussionPermissions.ManageModeration)) return Forbid();
        form.PersonId = personId;
        form.Actor = User;
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true })
        {
            TempData["Notice"] = t["The person was unblocked."].Value;
            return RedirectToAction(nameof(Blocks));
        }

        return View(nameof(Blocks), new BlocksView(await mediator.Send(new ListBlockedPeople()), Errors()));
    }

    [HttpGet("log")]
    public async Task<IActionResult> Log(int page = 1)
    {
        if (!await authorization.AuthorizeAsync(User, DiscussionPermissions.ManageModeration)) return Forbid();
        return View(await mediator.Send(new ListModerationLog(page)));
    }

    [HttpGet("log.csv")]
    public async Task<IActionResult> ExportLog()
    {
        if (!await authorization.AuthorizeAsync(User, DiscussionPermissions.ManageModeration)) return Forbid();
        return new CsvFileResult($"moderation-log-{DateTime.UtcNow:yyyyMMdd}.csv", (body, cancellationToken) => mediator.Send(new ExportModerationLog(body), cancellationToken));
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings()
    {
        if (!await authorization.AuthorizeAsync(User, DiscussionPermissions.ManageModeration)) return Forbid();
        return View(await settings.GetAsync());
    }

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(DiscussionSettings form)
    {
        if (!await authorization.AuthorizeAsync(User, DiscussionPermissions.ManageModeration)) return Forbid();
        if (!(await mediator.SendFormAsync(new SaveDiscussionSettings(form), ModelState)).Succeeded)
        {
            return View(form);
        }

        TempData["Notice"] = t["The discussion settings were saved."].Value;
        return RedirectToAction(nameof(Settings));
    }

    /// <summary>
    /// The thread's moderate permission is checked by the handler (403 otherwise); the queue's own permission first.
    /// Back to the queue, or to the thread the moderator acted from (<paramref name="returnUrl"/>).
    /// </summary>
    private async Task<IActionResult> QueueActionAsync<T>(IRequest<T> command, LocalizedString done, string? returnUrl, string anchor)
    {
        if (!await authorization.AuthorizeAsync(User, DiscussionPermissions.ViewModerationQueue)) return Forbid();
        if (await mediator.SendFormAsync(command, ModelState) is { Succeeded: true })
        {
            TempData["Notice"] = done.Value;
            return Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl.Split('#')[0] + anchor) : RedirectToAction(nameof(Queue));
        }

        return View(nameof(Queue), new QueueView(await mediator.Send(new ListModerationQueue(User)), Errors()));
    }

    private string Errors() => string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
}
