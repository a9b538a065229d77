using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Paging;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Users.Features.Admin;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Controllers;

[Admin]
[Area("Users")]
[Route("admin/users")]
public sealed class AdminUsersController(IAuthorizationService authorization, IMediator mediator, IStringLocalizer<AdminUsersController> t) : Controller
{
    private readonly IAuthorizationService _authorization = authorization;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? role, UserSort? sort, SortDirection? dir, int page = 1)
    {
        // Staff who verify residents find the person here too, without managing accounts.
        if (!await _authorization.AuthorizeAsync(User, UsersPermissions.ManageUsers) && !await _authorization.AuthorizeAsync(User, UsersPermissions.VerifyResidents)) return Forbid();

        return View(await mediator.Send(new ListUsers.Query(q, role, page, sort, dir)));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        if (!await _authorization.AuthorizeAsync(User, UsersPermissions.ManageUsers) && !await _authorization.AuthorizeAsync(User, UsersPermissions.VerifyResidents)) return Forbid();

        return await EditView(id);
    }

    [HttpPost("{id:guid}/roles")]
    public async Task<IActionResult> Roles(Guid id, string[]? roles)
    {
        if (!await _authorization.AuthorizeAsync(User, UsersPermissions.ManageUsers)) return Forbid();

        return await Run(id, new SetUserRoles.Command(id, roles ?? []), t["The roles have been saved."]);
    }

    [HttpPost("{id:guid}/verify")]
    public async Task<IActionResult> Verify(Guid id, bool verified)
    {
        if (!await _authorization.AuthorizeAsync(User, UsersPermissions.VerifyResidents)) return Forbid();

        return await Run(id, new SetResidentVerified.Command(id, verified),
            verified ? t["The account is marked as a verified resident."] : t["The resident verification has been withdrawn."]);
    }

    [HttpPost("{id:guid}/unlock")]
    public async Task<IActionResult> Unlock(Guid id)
    {
        if (!await _authorization.AuthorizeAsync(User, UsersPermissions.ManageUsers)) return Forbid();

        return await Run(id, new UnlockUser.Command(id), t["The account has been unlocked."]);
    }

    private async Task<IActionResult> Run(Guid id, IRequest<Unit> command, LocalizedString notice)
    {
        if (!(await mediator.SendFormAsync(command, ModelState)).Succeeded)
        {
            return await EditView(id);
        }

        TempData["Notice"] = notice.Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<IActionResult> EditView(Guid id)
    {
        var user = await mediator.Send(new GetUser.Query(id));
        if (user is null)
        {
            return NotFound();
        }

        ViewData["CanManage"] = await _authorization.AuthorizeAsync(User, UsersPermissions.ManageUsers);
        ViewData["CanVerify"] = await _authorization.AuthorizeAsync(User, UsersPermissions.VerifyResidents);
        return View(nameof(Edit), user);
    }
}
