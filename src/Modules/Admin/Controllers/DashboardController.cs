using CitizenParticipation.Core.Navigation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Admin.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CitizenParticipation.Modules.Admin.Controllers;

[Area("Admin")]
[Admin]
[Route("admin")]
public sealed class DashboardController(IAuthorizationService authorization, IMediator mediator, IEnumerable<IAdminMenuProvider> menus) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, CorePermissions.AccessAdmin)) return Forbid();

        var links = new List<AdminMenuItem>();
        foreach (var item in menus.SelectMany(m => m.GetItems()).Where(i => i.Url != "/admin").OrderBy(i => i.Group).ThenBy(i => i.Order))
        {
            if (await authorization.AuthorizeAsync(User, item.Permission))
            {
                links.Add(item);
            }
        }

        return View(new DashboardViewModel(await mediator.Send(new GetDashboard(), cancellationToken), links));
    }
}

public sealed record DashboardViewModel(Dashboard Dashboard, IReadOnlyList<AdminMenuItem> Links);
