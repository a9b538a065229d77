using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Localization;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CitizenParticipation.Modules.Home.Controllers;

[Area("Home")]
public sealed class CultureController(IMediator mediator, TimeProvider clock) : Controller
{
    /// <summary>
    /// For visitors who are not logged in the switcher is a pair of links: the choice lives only in their
    /// cookie, and pages without a form can be served to everyone from the output cache.
    /// </summary>
    [HttpGet("/culture/{culture}")]
    public IActionResult Choose(string culture, [FromQuery] string? returnUrl)
    {
        if (!SiteCultures.Supported.Contains(culture))
        {
            return BadRequest();
        }

        RememberCulture(culture);
        return Back(returnUrl);
    }

    /// <summary>Logged-in people also keep the choice in their account (emails in their language), hence a POST.</summary>
    [HttpPost("/culture")]
    public async Task<IActionResult> Set([FromForm] string? culture, [FromForm] string? returnUrl, CancellationToken cancellationToken)
    {
        if (culture is null || !SiteCultures.Supported.Contains(culture))
        {
            return BadRequest();
        }

        RememberCulture(culture);
        if (User.UserId() is { } userId)
        {
            await mediator.Send(new ChangePreferredCulture(userId, culture), cancellationToken);
        }

        return Back(returnUrl);
    }

    private IActionResult Back(string? returnUrl) => LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");

    private void RememberCulture(string culture) =>
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
}
