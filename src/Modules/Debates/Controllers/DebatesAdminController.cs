using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Features;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Controllers;

public sealed record AdminAgendaView(AgendaPage Agenda, ProposeAgenda ProposeForm, int? DeclineFor, DeclineCandidate DeclineForm);

public sealed record AdminDebateView(DebatePage Debate, EditDebate EditForm, MoveDebateOn MoveForm, ExtendPhase ExtendForm, bool CanModerate, HideStatement HideForm, int? HideFor,
    PollView? Poll = null, AddPollQuestion? QuestionForm = null);

[Admin]
[Area("Debates")]
[Route("admin/debates")]
public sealed class DebatesAdminController(IAuthorizationService authorization, IMediator mediator, ISettings<DebateSettings> settings, IStringLocalizer<DebatesAdminController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.Manage)) return Forbid();
        return View(await mediator.Send(new ListDebates(IncludePreparation: true)));
    }

    [HttpGet("agenda")]
    public async Task<IActionResult> Agenda()
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.Manage)) return Forbid();
        return await ShowAgenda(null, null, null);
    }

    [HttpPost("agenda/propose")]
    public async Task<IActionResult> Propose(ProposeAgenda form)
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.Manage)) return Forbid();
        form.Source = AgendaSource.Committee;
        form.Actor = User;
        if ((await mediator.SendFormAsync(form, ModelState)).Succeeded)
        {
            TempData["Notice"] = t["The subject is before the committee."].Value;
            return RedirectToAction(nameof(Agenda));
        }

        return await ShowAgenda(form, null, null);
    }

    [HttpGet("agenda/request")]
    public async Task<IActionResult> RequestDebate()
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.RequestAgenda)) return Forbid();
        return View("Request", new ProposeAgenda());
    }

    [HttpPost("agenda/request")]
    public async Task<IActionResult> RequestDebate(ProposeAgenda form)
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.RequestAgenda)) return Forbid();
        form.Source = AgendaSource.Mayor;
        form.Actor = User;
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true } sent)
        {
            TempData["Notice"] = t["The request is before the deliberation committee and on the public agenda."].Value;
            return Redirect($"/debates/agenda#candidate-{sent.Result}");
        }

        return View("Request", form);
    }

    [HttpPost("agenda/{id:int}/accept")]
    public async Task<IActionResult> Accept(int id)
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.Manage)) return Forbid();
        if (await mediator.SendFormAsync(new AcceptCandidate(id, User), ModelState) is { Succeeded: true } sent)
        {
            TempData["Notice"] = t["The candidate was accepted. Prepare the debate: write the briefing and plan the phases."].Value;
            return RedirectToAction(nameof(Detail), new { id = sent.Result });
        }

        return await ShowAgenda(null, null, null);
    }

    [HttpPost("agenda/{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, DeclineCandidate form)
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.Manage)) return Forbid();
        form.CandidateId = id;
        form.Actor = User;
        if ((await mediator.SendFormAsync(form, ModelState)).Succeeded)
        {
            TempData["Notice"] = t["The candidate was declined; the reason is shown on the public agenda."].Value;
            return RedirectToAction(nameof(Agenda));
        }

        return await ShowAgenda(null, id, form);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id)
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.Manage) && !await authorization.AuthorizeAsync(User, DebatePermissions.Moderate)) return Forbid();
        return await ShowDebate(id, null, null, null, null, null);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditDebate form)
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.Manage)) return Forbid();
        form.DebateId = id;
        form.Actor = User;
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true } sent)
        {
            TempData["Notice"] = (sent.Result ? t["The debate was saved."] : t["Nothing was changed."]).Value;
            return RedirectToAction(nameof(Detail), new { id });
        }

        return await ShowDebate(id, form, null, null, null, null);
    }

    [HttpPost("{id:int}/move-on")]
    public async Task<IActionResult> MoveOn(int id, MoveDebateOn form)
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.Manage)) return Forbid();
        form.DebateId = id;
        form.Actor = User;
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true } sent)
        {
            TempData["Notice"] = t["The debate moved on to: {0}.", t[Labels.Phase(sent.Result)].Value].Value;
            return RedirectToAction(nameof(Detail), new { id });
        }

        return await ShowDebate(id, null, form, null, null, null);
    }

    [HttpPost("{id:int}/extend")]
    public async Task<IActionResult> Extend(int id, ExtendPhase form)
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.Manage)) return Forbid();
        form.DebateId = id;
        form.Actor = User;
        if ((await mediator.SendFormAsync(form, ModelState)).Succeeded)
        {
            TempData["Notice"] = t["The phase was extended; later phases moved with it."].Value;
            return RedirectToAction(nameof(Detail), new { id });
        }

        return await ShowDebate(id, null, null, form, null, null);
    }

    [HttpPost("{id:int}/statements/{statementId:int}/hide")]
    public async Task<IActionResult> Hide(int id, int statementId, HideStatement form)
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.Moderate)) return Forbid();
        form.StatementId = statementId;
        form.Actor = User;
        if ((await mediator.SendFormAsync(form, ModelState)).Succeeded)
        {
            TempData["Notice"] = t["The statement was hidden; the reason is shown in its place."].Value;
            return RedirectToAction(nameof(Detail), new { id });
        }

        return await ShowDebate(id, null, null, null, form, statementId);
    }

    [HttpPost("{id:int}/poll/questions")]
    public async Task<IActionResult> AddPollQuestion(int id, AddPollQuestion form)
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.Manage)) return Forbid();
        form.DebateId = id;
        form.Actor = User;
        if ((await mediator.SendFormAsync(form, ModelState)).Succeeded)
        {
            TempData["Notice"] = t["The question was added to the poll."].Value;
            return Redirect($"/admin/debates/{id}#poll");
        }

        return await ShowDebate(id, null, null, null, null, null, form);
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings()
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.ManageSettings)) return Forbid();
        return View(await settings.GetAsync());
    }

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(DebateSettings form)
    {
        if (!await authorization.AuthorizeAsync(User, DebatePermissions.ManageSettings)) return Forbid();
        if (!(await mediator.SendFormAsync(new SaveDebateSettings(form), ModelState)).Succeeded)
        {
            return View(form);
        }

        TempData["Notice"] = t["The debate settings were saved."].Value;
        return RedirectToAction(nameof(Settings));
    }

    private async Task<IActionResult> ShowAgenda(ProposeAgenda? propose, int? declineFor, DeclineCandidate? decline) =>
        View("Agenda", new AdminAgendaView(await mediator.Send(new GetAgendaPage(null)), propose ?? new ProposeAgenda(), declineFor, decline ?? new DeclineCandidate()));

    private async Task<IActionResult> ShowDebate(int id, EditDebate? edit, MoveDebateOn? move, ExtendPhase? extend, HideStatement? hide, int? hideFor, AddPollQuestion? question = null)
    {
        var page = await mediator.Send(new GetDebatePage(id, null, IncludePreparation: true));
        if (page is null)
        {
            return NotFound();
        }

        edit ??= new EditDebate
        {
            Title = page.Title, Summary = page.Summary, Briefing = page.Briefing, ArgumentsFor = page.ArgumentsFor, ArgumentsAgainst = page.ArgumentsAgainst,
            ExpertStatements = page.ExpertStatements, MinimumLevel = page.MinimumLevel,
            Starts = page.Schedule.Where(s => s.Phase != DebatePhase.Concluded).Select(s => (DateOnly?)s.PlannedStart).ToList(),
            Ends = page.Schedule.Where(s => s.Phase != DebatePhase.Concluded).Select(s => (DateOnly?)s.PlannedEnd).ToList(),
        };
        move ??= new MoveDebateOn { From = page.Phase };
        extend ??= new ExtendPhase { NewEnd = page.Current.PlannedEnd.AddDays(7) };
        return View("Detail", new AdminDebateView(page, edit, move, extend, await authorization.AuthorizeAsync(User, DebatePermissions.Moderate), hide ?? new HideStatement(), hideFor,
            await mediator.Send(new GetDebatePoll(id, null, Committee: true)), question ?? new AddPollQuestion()));
    }
}
