using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CitizenParticipation.Modules.Users.Services;

/// <summary>
/// Ends a sign-in on the server: on every request the security stamp the cookie was issued with must still be the
/// account's, so that logging out, changing or resetting the password, a role change or deleting the account ends
/// every copy of the cookie at once, on every instance. Identity's own validator, which also re-issues the cookie
/// with fresh claims (a changed display name), still runs only when its interval has passed: building it costs a
/// sign-in manager, a user manager and a database context, where the stamp is one primary-key read
/// (<see cref="SecurityStampReader"/>).
/// </summary>
public static class SessionValidation
{
    public static Func<CookieValidatePrincipalContext, Task> Validate(Func<CookieValidatePrincipalContext, Task> identityValidation) => async context =>
    {
        var services = context.HttpContext.RequestServices;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        var issuedWith = principal?.FindFirstValue(identity.SecurityStampClaimType);
        if (!Guid.TryParse(principal?.FindFirstValue(identity.UserIdClaimType), out var userId) || issuedWith is null
            || await services.GetRequiredService<SecurityStampReader>().CurrentAsync(userId, context.HttpContext.RequestAborted) != issuedWith)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        var validator = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (validator.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (context.Properties.IssuedUtc is not { } issued || now - issued > validator.ValidationInterval)
        {
            await identityValidation(context);
        }
    };
}
