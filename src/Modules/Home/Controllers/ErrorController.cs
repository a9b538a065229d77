using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CitizenParticipation.Modules.Home.Controllers;

/// <summary>
/// Friendly error pages. The status code pages and exception handler middlewares re-execute the
/// failed request here with its original method, so every method is accepted, and a POST that failed
/// its antiforgery check must still render this page. The action binds nothing: MVC reads the form before it
/// binds any parameter, and a form too large or too broken to read left the code at 0, a "page not found".
/// </summary>
[Area("Home")]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorController : Controller
{
    [Route("error/{code:int}")]
    public IActionResult Index()
    {
        if (!int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
            || code is < 400 or > 599)
        {
            code = 404;
        }

        Response.StatusCode = code;
        return View(new ErrorPage(code));
    }
}

public sealed record ErrorPage(int StatusCode)
{
    /// <summary>Localisable source texts for the code.</summary>
    public (string Title, string Message) Texts => StatusCode switch
    {
        400 => ("The request could not be processed", "The request was incomplete or has expired. Go back to the previous page, reload it and try again."),
        403 => ("You do not have permission to view this page", "This page is only available to people with the required permission. If you think you should have access, contact the site administrator."),
        404 => ("Page not found", "The page you asked for does not exist or has moved. Check the address or start again from the home page."),
        405 => ("This action is not possible here", "The page does not accept this kind of request. Go back to the previous page and use its buttons and links."),
        413 => ("What you sent is too large", "The form or file you sent is larger than the site accepts. Shorten the text or send a smaller file, then try again."),
        429 => ("Too many requests", "You have sent too many requests in a short time. Please wait a moment and try again."),
        500 => ("Something went wrong on our side", "The service could not complete your request because of an internal error. Please try again in a moment."),
        _ => ("An error occurred", "The service could not complete your request. Please try again later."),
    };
}
