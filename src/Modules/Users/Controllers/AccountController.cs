using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Users.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Users.Controllers;

[Area("Users")]
[Route("account")]
public sealed class AccountController(
    IMediator mediator,
    SignInManager<User> signIn,
    SiteSettingsService settings,
    IStringLocalizer<AccountController> t) : Controller
{
    [HttpGet("register")]
    public async Task<IActionResult> Register()
    {
        if (!(await settings.GetAsync()).RegistrationOpen)
        {
            return View("RegistrationClosed");
        }

        return await RegisterForm(new Register.Command());
    }

    [HttpPost("register")]
    public async Task<IActionResult> Register(Register.Command command)
    {
        if (!(await mediator.SendFormAsync(command, ModelState)).Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await RegisterForm(command);
        }

        return RedirectToAction(nameof(CheckEmail));
    }

    private async Task<IActionResult> RegisterForm(Register.Command command)
    {
        ViewData["Regions"] = await mediator.Send(new RegionOptions.Query());
        return View(nameof(Register), command);
    }

    [HttpGet("check-email")]
    public IActionResult CheckEmail() => View();

    /// <summary>
    /// The emailed link only shows a button: mail scanners and link previews open links, and a GET changes nothing.
    /// </summary>
    [HttpGet("confirm-email")]
    public IActionResult ConfirmEmail(Guid userId, string? code) => View("ConfirmEmailForm", new ConfirmEmail.Command(userId, code));

    [HttpPost("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(ConfirmEmail.Command command)
    {
        var confirmed = await mediator.Send(command);
        return View(confirmed);
    }

    [HttpGet("resend-confirmation")]
    public IActionResult ResendConfirmation() => View(new ResendConfirmation.Command());

    [HttpPost("resend-confirmation")]
    public async Task<IActionResult> ResendConfirmation(ResendConfirmation.Command command)
    {
        if (!ModelState.IsValid)
        {
            return View(command);
        }

        await mediator.Send(command);
        return RedirectToAction(nameof(CheckEmail));
    }

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new Login.Command { ReturnUrl = returnUrl });

    [HttpPost("login")]
    public async Task<IActionResult> Login(Login.Command command)
    {
        if (!ModelState.IsValid)
        {
            return View(command);
        }

        var outcome = await mediator.Send(command);
        switch (outcome)
        {
            case Features.Login.Outcome.SignedIn:
                return Url.IsLocalUrl(command.ReturnUrl) ? LocalRedirect(command.ReturnUrl) : Redirect("~/");
            case Features.Login.Outcome.EmailNotConfirmed:
                ModelState.AddModelError("", t["Your email address is not confirmed yet. Open the link in the confirmation email we sent you, or ask for a new one."]);
                ViewData["OfferResend"] = true;
                break;
            default:
                // A locked account answers like a wrong password: otherwise the lock would tell who has an account.
                ModelState.AddModelError("", t["The email address or password is not correct. After 5 wrong attempts an account is locked for 15 minutes, and its owner is told by email."]);
                break;
        }

        command.Password = "";
        return View(command);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        if (User.UserId() is { } userId)
        {
            await mediator.Send(new Features.Logout.Command(userId));
        }

        await signIn.SignOutAsync();
        return Redirect("~/");
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPassword.Command());

    [HttpPost("forgot-password")]
    public async Task<IActionResult> ForgotPassword(ForgotPassword.Command command)
    {
        if (!ModelState.IsValid)
        {
            return View(command);
        }

        await mediator.Send(command);
        return RedirectToAction(nameof(ForgotPasswordSent));
    }

    [HttpGet("forgot-password/sent")]
    public IActionResult ForgotPasswordSent() => View();

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(Guid userId, string? code) =>
        View(new ResetPassword.Command { UserId = userId, Code = code ?? "" });

    [HttpPost("reset-password")]
    public async Task<IActionResult> ResetPassword(ResetPassword.Command command)
    {
        if (!(await mediator.SendFormAsync(command, ModelState)).Succeeded)
        {
            return View(command);
        }

        TempData["Notice"] = t["Your password has been changed. Log in with the new password."].Value;
        return RedirectToAction(nameof(Login));
    }

    [Authorize]
    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePassword.Command());

    [Authorize]
    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePassword.Command command)
    {
        command.UserId = User.RequiredUserId();
        if (!(await mediator.SendFormAsync(command, ModelState)).Succeeded)
        {
            return View(command);
        }

        TempData["Notice"] = t["Your password has been changed."].Value;
        return RedirectToAction(nameof(Profile));
    }

    [Authorize]
    [HttpGet("profile")]
    public async Task<IActionResult> Profile()
    {
        var profile = await mediator.Send(new GetProfile.Query(User.RequiredUserId()));
        if (profile is null)
        {
            return NotFound();
        }

        return await ProfileForm(profile, new UpdateProfile.Command
        {
            DisplayName = profile.DisplayName,
            RegionId = profile.RegionId,
            PreferredCulture = profile.PreferredCulture,
        });
    }

    [Authorize]
    [HttpPost("profile")]
    public async Task<IActionResult> Profile([Bind(Prefix = "Form")] UpdateProfile.Command command)
    {
        var profile = await mediator.Send(new GetProfile.Query(User.RequiredUserId()));
        if (profile is null)
        {
            return NotFound();
        }

        command.UserId = User.RequiredUserId();
        if (!(await mediator.SendFormAsync(command, ModelState, prefix: "Form")).Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ProfileForm(profile, command);
        }

        // The display name travels in the sign-in (SiteClaimsPrincipalFactory): renew it so that this
        // session's next action carries the new name; other sessions follow at their next stamp validation.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }

        // The interface follows the language the person chose for their emails.
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(command.PreferredCulture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        TempData["Notice"] = t["Your profile has been saved."].Value;
        return RedirectToAction(nameof(Profile));
    }

    private async Task<IActionResult> ProfileForm(GetProfile.Result profile, UpdateProfile.Command form)
    {
        ViewData["Regions"] = await mediator.Send(new RegionOptions.Query());
        return View(nameof(Profile), new ProfilePage(profile, form));
    }

    [Authorize]
    [HttpGet("delete")]
    public IActionResult Delete() => View(new DeleteAccount.Command());

    [Authorize]
    [HttpPost("delete")]
    public async Task<IActionResult> Delete(DeleteAccount.Command command)
    {
        command.UserId = User.RequiredUserId();
        if (!(await mediator.SendFormAsync(command, ModelState)).Succeeded)
        {
            command.Password = "";
            return View(command);
        }

        await signIn.SignOutAsync();
        TempData["Notice"] = t["Your account has been deleted. Your personal information has been removed."].Value;
        return Redirect("~/");
    }
}

public sealed record ProfilePage(GetProfile.Result Profile, UpdateProfile.Command Form);
