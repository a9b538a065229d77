using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Admin.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Admin.Controllers;

[Area("Admin")]
[Admin]
[Route("admin/settings")]
public sealed class SettingsController(IAuthorizationService authorization, IMediator mediator, IStringLocalizer<SettingsController> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.ManageSettings)) return Forbid();

        return View(EditSiteSettings.From(await mediator.Send(new GetSiteSettings(), cancellationToken)));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(EditSiteSettings form, CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.ManageSettings)) return Forbid();

        if (!(await mediator.SendFormAsync(form, ModelState, cancellationToken: cancellationToken)).Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        TempData["Notice"] = T["The site settings were saved."].Value;
        return RedirectToAction(nameof(Index));
    }
}
