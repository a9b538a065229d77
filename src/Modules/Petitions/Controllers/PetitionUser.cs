using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CitizenParticipation.Modules.Petitions.Controllers;

internal static class PetitionUser
{
    public static Guid? Id(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string Name(ClaimsPrincipal user) =>
        user.FindFirstValue("DisplayName") ?? user.Identity?.Name ?? "";

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
