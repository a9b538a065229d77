using System.Security.Claims;
using CitizenParticipation.Core.Security;

namespace CitizenParticipation.Modules.Petitions.Controllers;

internal static class PetitionUser
{
    public static Guid? Id(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The display name issued at sign-in; never the user name, which is the email address.</summary>
    public static string Name(ClaimsPrincipal user) =>
        user.FindFirstValue(SiteClaimTypes.DisplayName) ?? "";
}
