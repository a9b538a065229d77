using CitizenParticipation.Modules.Home.Features;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CitizenParticipation.Modules.Home.Controllers;

[Area("Home")]
public sealed class HomeController(IMediator mediator) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await mediator.Send(new GetHomePage(), cancellationToken));
}
