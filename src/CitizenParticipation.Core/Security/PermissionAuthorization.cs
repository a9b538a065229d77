using System.Security.Claims;
using CitizenParticipation.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CitizenParticipation.Core.Security;

public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}

/// <summary>Grants a permission when one of the user's roles holds it; administrators hold every permission.</summary>
public sealed class PermissionHandler(GrantedPermissions granted) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (user.IsInRole(StandardRoles.Administrator))
        {
            context.Succeed(requirement);
            return;
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (roles.Count == 0)
        {
            return;
        }

        if ((await granted.OfRolesAsync(roles)).Contains(requirement.Permission.Name))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// The permissions that roles hold, read once per request (a scope): an admin page checks one permission per
/// menu entry, and each check used to be a query of its own.
/// </summary>
/// <remarks>
/// The context is resolved on the first check, not injected: ASP.NET Core builds every authorization handler for
/// every [Authorize] request, and a signature or a page that needs no permission paid for a database context it
/// never used.
/// </remarks>
public sealed class GrantedPermissions(IServiceProvider services)
{
    private readonly Dictionary<string, IReadOnlySet<string>> _byRoles = new(StringComparer.Ordinal);

    public async Task<IReadOnlySet<string>> OfRolesAsync(IReadOnlyCollection<string> roles)
    {
        var key = string.Join('\n', roles.Order(StringComparer.Ordinal));
        if (!_byRoles.TryGetValue(key, out var permissions))
        {
            var db = services.GetRequiredService<SiteDbContext>();
            permissions = (await db.RolePermissions.Where(rp => roles.Contains(rp.Role!.Name!)).Select(rp => rp.Permission).ToListAsync())
                .ToHashSet(StringComparer.Ordinal);
            _byRoles[key] = permissions;
        }

        return permissions;
    }
}

/// <summary>Resolves policies named <c>Permission:{name}</c> so that attributes can name a permission too.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionRegistry registry)
    : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "Permission:";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Prefix, StringComparison.Ordinal)
            && registry.Find(policyName[Prefix.Length..]) is { } permission)
        {
            return new AuthorizationPolicyBuilder().AddRequirements(new PermissionRequirement(permission)).Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}

/// <summary>Every permission that the modules declare.</summary>
public sealed class PermissionRegistry(IEnumerable<IPermissionProvider> providers)
{
    private readonly IReadOnlyList<IPermissionProvider> _providers = providers.ToList();

    public IReadOnlyList<Permission> All => _providers.SelectMany(p => p.GetPermissions()).DistinctBy(p => p.Name).ToList();

    public IEnumerable<(string Role, Permission Permission)> DefaultGrants => _providers.SelectMany(p => p.GetDefaultGrants());

    public Permission? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}

public static class AuthorizationServiceExtensions
{
    public static async Task<bool> AuthorizeAsync(this IAuthorizationService service, ClaimsPrincipal user, Permission permission) =>
        (await service.AuthorizeAsync(user, null, new PermissionRequirement(permission))).Succeeded;
}
