using System.Security.Claims;

namespace CitizenParticipation.Core.Security;

/// <summary>Who is signed in, as every module reads it from the sign-in.</summary>
public static class SignedInUser
{
    /// <summary>The signed-in person's id; null for a visitor.</summary>
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The signed-in person's id, in an action that requires signing in.</summary>
    public static Guid RequiredUserId(this ClaimsPrincipal user) =>
        user.UserId() ?? throw new InvalidOperationException("No one is signed in: the action should require signing in.");

    /// <summary>The display name issued at sign-in (<see cref="SiteClaimTypes.DisplayName"/>); never the user name, which is the email address.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(SiteClaimTypes.DisplayName) ?? "";
}
