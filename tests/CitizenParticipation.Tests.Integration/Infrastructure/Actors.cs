using System.Security.Claims;
using CitizenParticipation.Core.Security;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

/// <summary>Who sends a command that a test sends directly, for the handlers that check the acting person.</summary>
public static class Actors
{
    /// <summary>Signed in as an administrator, who holds every permission.</summary>
    public static ClaimsPrincipal Administrator { get; } = SignedIn(Guid.NewGuid(), StandardRoles.Administrator);

    /// <summary>The person <paramref name="id"/> signed in with <paramref name="roles"/>, as the sign-in cookie carries them.</summary>
    public static ClaimsPrincipal SignedIn(Guid id, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString()), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "Test"));

    /// <summary>No one signed in.</summary>
    public static ClaimsPrincipal Nobody => new();
}
