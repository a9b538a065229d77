using System.Security.Claims;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Modules.Home.Features;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CitizenParticipation.Modules.Home.Controllers;

[Area("Home")]
public sealed class CultureController(IMediator mediator, TimeProvider clock) : Controller
{
    [HttpPost("/culture")]
    public async Task<IActionResult> Set([FromForm] string? culture, [FromForm] string? returnUrl, CancellationToken cancellationToken)
    {
        if (culture is null || !SiteCultures.Supported.Contains(culture))
        {
            return BadRequest();
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = clock.GetUtcNow().AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
            });

        if (User.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await mediator.Send(new ChangePreferredCulture(userId, culture), cancellationToken);
        }

        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
