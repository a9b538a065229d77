using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Users.Features.Admin;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Controllers;

[Admin]
[Area("Users")]
[Route("admin/roles")]
public sealed class AdminRolesController(IAuthorizationService authorization, IMediator mediator, IStringLocalizer<AdminRolesController> t) : Controller
{
    private readonly IAuthorizationService _authorization = authorization;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (!await _authorization.AuthorizeAsync(User, UsersPermissions.ManageRoles)) return Forbid();

        return View(await mediator.Send(new GetRoleMatrix.Query()));
    }

    [HttpPost("")]
    public async Task<IActionResult> Set(Guid roleId, string permission, bool grant)
    {
        if (!await _authorization.AuthorizeAsync(User, UsersPermissions.ManageRoles)) return Forbid();

        if (!(await mediator.SendFormAsync(new SetRolePermission.Command(roleId, permission ?? "", grant), ModelState)).Succeeded)
        {
            return View(nameof(Index), await mediator.Send(new GetRoleMatrix.Query()));
        }

        TempData["Notice"] = (grant ? t["The permission has been granted."] : t["The permission has been revoked."]).Value;
        return RedirectToAction(nameof(Index));
    }
}
