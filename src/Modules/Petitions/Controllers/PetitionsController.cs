using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Markdown;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Controllers;

public sealed record PetitionFormView(SavePetitionDraft Form, IReadOnlyList<Option> Fields, IReadOnlyList<Option> Regions, string? PreviewHtml, PetitionSettings Settings);
public sealed record PetitionPageView(PetitionPage Petition, bool SignedIn, DateTime Now);

[Area("Petitions")]
[Route("petitions")]
public sealed class PetitionsController(IMediator mediator, ISettings<PetitionSettings> settings, IMarkdownRenderer markdown, TimeProvider clock, IStringLocalizer<PetitionsController> t) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PetitionCaching.PublicPolicy)]
    public async Task<IActionResult> Index([FromQuery] PetitionFilter filter) =>
        View(await mediator.Send(new ListPetitions(filter)));

    [HttpGet("{id:int}")]
    [OutputCache(PolicyName = PetitionCaching.PublicPolicy)]
    public async Task<IActionResult> Details(int id)
    {
        var page = await mediator.Send(new GetPetitionPage(id, User.UserId()));
        if (page is null)
        {
            return NotFound();
        }

        return View(new PetitionPageView(page, User.Identity?.IsAuthenticated == true, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The live count the petition page polls.</summary>
    [HttpGet("{id:int}/counts")]
    [OutputCache(PolicyName = PetitionCaching.PublicPolicy)]
    public async Task<IActionResult> Counts(int id)
    {
        var counts = await mediator.Send(new GetPetitionCounts(id));
        if (counts is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-cache";
        return Json(new { id = counts.Id, signatures = counts.Signatures, disagreements = counts.Disagreements });
    }

    /// <summary>Where the log-in page returns to after a visitor pressed "sign" while logged out.</summary>
    [HttpGet("{id:int}/sign")]
    public IActionResult SignLanding(int id) => RedirectToAction(nameof(Details), new { id });

    [Authorize]
    [HttpPost("{id:int}/sign")]
    [PetitionRateLimit(PetitionLimit.Sign)]
    public async Task<IActionResult> Sign(int id, string? comment, SignatureKind kind = SignatureKind.Agree)
    {
        var outcome = await mediator.Send(new SignPetition(id, User.RequiredUserId(), kind, comment,
            HttpContext.Connection.RemoteIpAddress?.ToString()));
        var message = outcome switch
        {
            SignOutcome.Signed => kind == SignatureKind.Agree ? t["Thank you: your signature was counted."] : t["Your disagreement was counted."],
            SignOutcome.AlreadySigned => t["You have already taken part in this petition; each person counts once."],
            SignOutcome.NotOpen => t["This petition is closed: it no longer accepts signatures."],
            SignOutcome.Rejected => t["This petition was rejected: it does not accept signatures."],
            SignOutcome.VerificationRequired => t["Your account needs a higher verification level to sign. Confirm your email address or verify your residence in your profile."],
            SignOutcome.DisagreementDisabled => t["This site does not count disagreements."],
            SignOutcome.CommentTooLong => t["A comment can be at most 300 characters."],
            _ => null,
        };
        if (message is null)
        {
            return NotFound();
        }

        TempData[outcome == SignOutcome.Signed ? "Notice" : "Error"] = message.Value;
        // A comment that is too long goes back to the petition, whose form shows the message.
        if (outcome is not SignOutcome.Signed and not SignOutcome.AlreadySigned and not SignOutcome.CommentTooLong)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Refused", message.Value);
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    [Authorize]
    [HttpGet("mine")]
    public async Task<IActionResult> Mine() => View(await mediator.Send(new ListMyPetitions(User.RequiredUserId())));

    [Authorize]
    [HttpGet("new")]
    public async Task<IActionResult> Create() => View("Edit", await FormView(new SavePetitionDraft(), null));

    [Authorize]
    [HttpPost("new")]
    public Task<IActionResult> Create(SavePetitionDraft form, string? intent)
    {
        form.Id = null;
        form.IpAddress = HttpContext.Connection.RemoteIpAddress?.ToString();
        return Save(form, intent);
    }

    [Authorize]
    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id)
    {
        var draft = await mediator.Send(new GetDraft(id, User.RequiredUserId()));
        return draft is null ? NotFound() : View(await FormView(draft, null));
    }

    [Authorize]
    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, SavePetitionDraft form, string? intent)
    {
        form.Id = id;
        return Save(form, intent);
    }

    private async Task<IActionResult> Save(SavePetitionDraft form, string? intent)
    {
        form.AuthorId = User.RequiredUserId();
        form.AuthorName = User.DisplayName();
        if (ModelState.IsValid && intent == "preview")
        {
            return View("Edit", await FormView(form, markdown.Render(form.Body).ToString()));
        }

        try
        {
            if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true, Result: var id })
            {
                if (intent != "submit")
                {
                    TempData["Notice"] = t["Your draft was saved."].Value;
                    return RedirectToAction(nameof(Edit), new { id });
                }

                if (await mediator.SendFormAsync(new SubmitPetition(id, form.AuthorId), ModelState) is { Succeeded: true, Result: var status })
                {
                    TempData["Notice"] = (status switch
                    {
                        PetitionStatus.CollectingAgreements => t["Your petition was submitted. Share its private link to collect the prior agreements it needs."],
                        PetitionStatus.PendingModeration => t["Your petition was submitted. Staff will review it before it is published."],
                        _ => t["Your petition was published and is open for signing."],
                    }).Value;
                    return status == PetitionStatus.Open ? RedirectToAction(nameof(Details), new { id }) : RedirectToAction(nameof(Mine));
                }
            }
        }
        catch (LimitReachedException ex)
        {
            ModelState.AddModelError("", ex.Message);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View("Edit", await FormView(form, null));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", await FormView(form, null));
    }

    [Authorize]
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        if (await mediator.Send(new DeleteDraft(id, User.RequiredUserId())))
        {
            TempData["Notice"] = t["The draft was deleted."].Value;
        }

        return RedirectToAction(nameof(Mine));
    }

    [HttpGet("agree/{token}")]
    public async Task<IActionResult> Agree(string token)
    {
        var page = await mediator.Send(new GetAgreementPage(token, User.UserId()));
        return page is null ? NotFound() : View(page);
    }

    [Authorize]
    [HttpPost("agree/{token}")]
    public async Task<IActionResult> Agree(string token, bool confirm)
    {
        try
        {
            var status = await mediator.Send(new AgreeToPetition(token, User.RequiredUserId()));
            TempData["Notice"] = (status == PetitionStatus.CollectingAgreements
                ? t["Thank you: your agreement was counted."]
                : t["Thank you: your agreement was counted, and the petition has all the agreements it needs."]).Value;
        }
        catch (RequestValidationException ex)
        {
            TempData["Error"] = ex.Failures[0].Message;
        }

        return RedirectToAction(nameof(Agree), new { token });
    }

    private async Task<PetitionFormView> FormView(SavePetitionDraft form, string? preview)
    {
        var options = await mediator.Send(new GetPetitionFormOptions());
        return new PetitionFormView(form, options.Fields, options.Regions, preview, await settings.GetAsync());
    }
}
