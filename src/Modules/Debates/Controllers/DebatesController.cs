using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Controllers;

public sealed record DebatePageView(DebatePage Debate, bool SignedIn, bool CanModerate, AddStatement StatementForm, PollView? Poll = null, IReadOnlyDictionary<int, int?>? PollForm = null);

[Area("Debates")]
[Route("debates")]
public sealed class DebatesController(IMediator mediator, IAuthorizationService authorization, IStringLocalizer<DebatesController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await mediator.Send(new ListDebates(IncludePreparation: false)));

    [HttpGet("agenda")]
    public async Task<IActionResult> Agenda() => View(await mediator.Send(new GetAgendaPage(User.UserId())));

    [Authorize]
    [HttpGet("agenda/suggest")]
    public IActionResult Suggest() => View(new SuggestAgenda());

    [Authorize]
    [HttpPost("agenda/suggest")]
    public async Task<IActionResult> Suggest(SuggestAgenda form)
    {
        form.CitizenId = User.RequiredUserId();
        form.CitizenName = User.DisplayName();
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true } sent)
        {
            TempData["Notice"] = t["Your suggestion is on the agenda page. It goes before the committee once it has enough supports."].Value;
            return Redirect($"/debates/agenda#candidate-{sent.Result}");
        }

        return View(form);
    }

    [Authorize]
    [HttpPost("agenda/{id:int}/support")]
    public async Task<IActionResult> Support(int id)
    {
        try
        {
            var outcome = await mediator.Send(new SupportSuggestion(id, User.RequiredUserId()));
            TempData["Notice"] = (outcome switch
            {
                SupportOutcome.BroughtBeforeCommittee => t["Thank you: with your support the suggestion goes before the deliberation committee."],
                SupportOutcome.AlreadySupported => t["You have already supported this suggestion; each person counts once."],
                _ => t["Thank you: your support was counted."],
            }).Value;
            return Redirect($"/debates/agenda#candidate-{id}");
        }
        catch (RequestValidationException ex)
        {
            ModelState.AddFailures(ex);
            return View("Agenda", await mediator.Send(new GetAgendaPage(User.UserId())));
        }
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id) => await ShowDebate(id, null);

    [Authorize]
    [HttpPost("{id:int}/statements")]
    public async Task<IActionResult> AddStatement(int id, AddStatement form)
    {
        form.DebateId = id;
        form.AuthorId = User.RequiredUserId();
        form.AuthorName = User.DisplayName();
        if ((await mediator.SendFormAsync(form, ModelState)).Succeeded)
        {
            TempData["Notice"] = t["Your statement was added to the opinion map."].Value;
            return Redirect($"/debates/{id}#statements");
        }

        return await ShowDebate(id, form);
    }

    [Authorize]
    [HttpPost("{id:int}/statements/{statementId:int}/vote")]
    public async Task<IActionResult> Vote(int id, int statementId, StatementVote vote)
    {
        if ((await mediator.SendFormAsync(new VoteOnStatement(id, statementId, User.RequiredUserId(), vote), ModelState)).Succeeded)
        {
            TempData["Notice"] = t["Your vote was counted."].Value;
            return Redirect($"/debates/{id}#statement-{statementId}");
        }

        return await ShowDebate(id, null);
    }

    [Authorize]
    [HttpPost("{id:int}/poll")]
    public async Task<IActionResult> AnswerPoll(int id, AnswerPoll form)
    {
        form.DebateId = id;
        form.RespondentId = User.RequiredUserId();
        if ((await mediator.SendFormAsync(form, ModelState)).Succeeded)
        {
            TempData["Notice"] = t["Thank you: your answers were recorded."].Value;
            return Redirect($"/debates/{id}#poll");
        }

        return await ShowDebate(id, null, form.Answers);
    }

    private async Task<IActionResult> ShowDebate(int id, AddStatement? form, IReadOnlyDictionary<int, int?>? pollForm = null)
    {
        var page = await mediator.Send(new GetDebatePage(id, User.UserId()));
        if (page is null)
        {
            return NotFound();
        }

        return View("Details", new DebatePageView(page, User.Identity?.IsAuthenticated == true,
            await authorization.AuthorizeAsync(User, DebatePermissions.Moderate), form ?? new AddStatement(),
            await mediator.Send(new GetDebatePoll(id, User.UserId())), pollForm));
    }
}
