using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Petitions.Controllers;

public sealed record AdminPetitionView(AdminPetition Detail, ModerationLock? Lock, bool CanModerate, bool CanAnswer, bool CanManageSignatures,
    ModeratePetition ModerationForm, AnswerPetition AnswerForm, PetitionFormOptions Options, AnswerTaskChoices Tasks);

public sealed record SignatureReportView(SignatureReport Report, InvalidateSignatures Form);

[Admin]
[Area("Petitions")]
[Route("admin/petitions")]
public sealed class PetitionsAdminController(IAuthorizationService authorization, IMediator mediator, ISettings<PetitionSettings> settings, IStringLocalizer<PetitionsAdminController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AdminPetitionFilter filter)
    {
        if (!await authorization.AuthorizeAsync(User, PetitionPermissions.ModeratePetitions) && !await authorization.AuthorizeAsync(User, PetitionPermissions.AnswerPetitions)) return Forbid();
        return View(await mediator.Send(new ListAdminPetitions(filter)));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, string? taskSearch)
    {
        if (!await authorization.AuthorizeAsync(User, PetitionPermissions.ModeratePetitions) && !await authorization.AuthorizeAsync(User, PetitionPermissions.AnswerPetitions)) return Forbid();
        return await ShowDetail(id, null, null, taskSearch);
    }

    [HttpPost("{id:int}/moderate")]
    public async Task<IActionResult> Moderate(int id, ModeratePetition form)
    {
        if (!await authorization.AuthorizeAsync(User, PetitionPermissions.ModeratePetitions)) return Forbid();
        form.PetitionId = id;
        form.StaffId = User.RequiredUserId();
        form.StaffName = User.DisplayName();
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true } sent)
        {
            TempData["Notice"] = (sent.Result == PetitionStatus.Open ? t["The petition was published and is open for signing."] : t["The petition was rejected."]).Value;
            return RedirectToAction(nameof(Index));
        }

        return await ShowDetail(id, form, null, null);
    }

    /// <summary>Takes (or renews) the review of a petition, so that other moderators see who has it.</summary>
    [HttpPost("{id:int}/claim")]
    public async Task<IActionResult> Claim(int id)
    {
        if (!await authorization.AuthorizeAsync(User, PetitionPermissions.ModeratePetitions)) return Forbid();
        if (await mediator.Send(new GetAdminPetition(id)) is not { Petition.Status: PetitionStatus.PendingModeration })
        {
            return NotFound();
        }

        var taken = await mediator.Send(new ClaimModeration(id, User.RequiredUserId(), User.DisplayName()));
        TempData["Notice"] = (taken.Held
            ? t["You are reviewing this petition; other moderators see that for fifteen minutes."]
            : t["{0} is reviewing this petition. Try again later.", taken.HolderName ?? ""]).Value;
        return RedirectToAction(nameof(Detail), new { id });
    }

    [HttpPost("{id:int}/release")]
    public async Task<IActionResult> Release(int id)
    {
        if (!await authorization.AuthorizeAsync(User, PetitionPermissions.ModeratePetitions)) return Forbid();
        await mediator.Send(new ReleaseModeration(id, User.RequiredUserId()));
        TempData["Notice"] = t["You released the petition for other moderators."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/answer")]
    public async Task<IActionResult> Answer(int id, AnswerPetition form, string? taskSearch)
    {
        if (!await authorization.AuthorizeAsync(User, PetitionPermissions.AnswerPetitions)) return Forbid();
        form.PetitionId = id;
        form.StaffId = User.RequiredUserId();
        form.StaffName = User.DisplayName();
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true } sent)
        {
            TempData["Notice"] = sent.Result.SignersTold
                ? t["The answer was published; the signers are being emailed."].Value
                : t["The answer was corrected; a change of wording is not emailed to the signers."].Value;
            return RedirectToAction(nameof(Detail), new { id });
        }

        return await ShowDetail(id, null, form, taskSearch);
    }

    [HttpGet("{id:int}/signatures")]
    public async Task<IActionResult> Signatures(int id)
    {
        if (!await authorization.AuthorizeAsync(User, PetitionPermissions.ManageSignatures)) return Forbid();
        var report = await mediator.Send(new GetSignatureReport(id));
        return report is null ? NotFound() : View(new SignatureReportView(report, new InvalidateSignatures()));
    }

    [HttpPost("{id:int}/signatures/invalidate")]
    public async Task<IActionResult> Invalidate(int id, InvalidateSignatures form)
    {
        if (!await authorization.AuthorizeAsync(User, PetitionPermissions.ManageSignatures)) return Forbid();
        form.PetitionId = id;
        form.StaffId = User.RequiredUserId();
        form.StaffName = User.DisplayName();
        if (await mediator.SendFormAsync(form, ModelState) is { Succeeded: true } sent)
        {
            TempData["Notice"] = t["{0} signatures were invalidated and the counts adjusted.", sent.Result].Value;
            return RedirectToAction(nameof(Signatures), new { id });
        }

        var report = await mediator.Send(new GetSignatureReport(id));
        return report is null ? NotFound() : View("Signatures", new SignatureReportView(report, form));
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings()
    {
        if (!await authorization.AuthorizeAsync(User, PetitionPermissions.ManagePetitionSettings)) return Forbid();
        return View(await settings.GetAsync());
    }

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(PetitionSettings form)
    {
        if (!await authorization.AuthorizeAsync(User, PetitionPermissions.ManagePetitionSettings)) return Forbid();
        if (!(await mediator.SendFormAsync(new SavePetitionSettings(form), ModelState)).Succeeded)
        {
            return View(form);
        }

        TempData["Notice"] = t["The petition settings were saved."].Value;
        return RedirectToAction(nameof(Settings));
    }

    private async Task<IActionResult> ShowDetail(int id, ModeratePetition? moderation, AnswerPetition? answer, string? taskSearch)
    {
        var detail = await mediator.Send(new GetAdminPetition(id));
        if (detail is null)
        {
            return NotFound();
        }

        var canModerate = await authorization.AuthorizeAsync(User, PetitionPermissions.ModeratePetitions);
        ModerationLock? moderationLock = null;
        var p = detail.Petition;
        if (canModerate && p.Status is PetitionStatus.PendingModeration)
        {
            moderationLock = await mediator.Send(new GetModerationLock(id, User.RequiredUserId()));
        }

        var canAnswer = await authorization.AuthorizeAsync(User, PetitionPermissions.AnswerPetitions);
        answer ??= new AnswerPetition { Kind = p.AnswerKind, Text = p.AnswerText ?? "", VideoUrl = p.AnswerVideoUrl, Official = p.AnsweringOfficial ?? "", DepartmentId = p.AnsweringDepartmentId, LinkedTaskId = p.LinkedTaskId };
        var tasks = canAnswer && p.CanBeAnswered
            ? await mediator.Send(new GetAnswerTaskChoices(taskSearch, answer.LinkedTaskId))
            : new AnswerTaskChoices(false, null, null, []);
        return View("Detail", new AdminPetitionView(detail, moderationLock, canModerate, canAnswer,
            await authorization.AuthorizeAsync(User, PetitionPermissions.ManageSignatures),
            moderation ?? new ModeratePetition(), answer,
            await mediator.Send(new GetPetitionFormOptions()), tasks));
    }
}
