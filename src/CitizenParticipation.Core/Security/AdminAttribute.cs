using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CitizenParticipation.Core.Security;

/// <summary>
/// Marks a controller or action as part of the admin: it is shown in the admin theme and refused to
/// anyone without <see cref="CorePermissions.AccessAdmin"/>, before the action's own permission check.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AdminAttribute : Attribute;

public sealed class AdminFilter(IAuthorizationService authorization) : IAsyncAuthorizationFilter
{
    public const string ItemKey = "CitizenParticipation.IsAdmin";

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor.EndpointMetadata.OfType<AdminAttribute>().Any() is false)
        {
            return;
        }

        context.HttpContext.Items[ItemKey] = true;
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            context.Result = new ChallengeResult();
        }
        else if (!await authorization.AuthorizeAsync(user, CorePermissions.AccessAdmin))
        {
            context.Result = new ForbidResult();
        }
    }
}
