using System.Security.Claims;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CitizenParticipation.Modules.Users.Services;

/// <summary>
/// Adds the display name to the sign-in, so that modules record staff actions under it instead of the
/// email address. Identity calls this at sign-in, at RefreshSignInAsync and at each security-stamp
/// validation, so a changed name reaches every session within the validation interval.
/// </summary>
public sealed class SiteClaimsPrincipalFactory(UserManager<User> userManager, RoleManager<Role> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(SiteClaimTypes.DisplayName, user.DisplayName.Trim()));
        }

        return identity;
    }
}
