using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CitizenParticipation.Modules.Users.Services;

/// <summary>
/// Asks Identity to check a sign-in's security stamp only when its validation interval has passed.
/// Identity's own cookie event builds the validator first, and with it a sign-in manager, a user manager
/// and a database context, on every request of a signed-in person, only to find that the interval has not
/// passed; under load that was about a tenth of a signed-in request's work. The interval test is
/// Identity's own (time since the ticket was issued, on the validator options' clock), so sessions are
/// checked exactly when they were before.
/// </summary>
public static class StampValidationSchedule
{
    public static Func<CookieValidatePrincipalContext, Task> WhenDue(Func<CookieValidatePrincipalContext, Task> validate) => context =>
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval
            ? Task.CompletedTask
            : validate(context);
    };
}
