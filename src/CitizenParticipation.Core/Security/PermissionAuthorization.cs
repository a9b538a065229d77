using System.Collections.Frozen;
using System.Security.Claims;
using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
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
/// The permissions that roles hold. Every logged-in page asks (the header's admin link), and an admin page asks once
/// per menu entry: the whole table is small and read once for all of them (<see cref="RolePermissionsCache"/>).
/// </summary>
public sealed class GrantedPermissions(RolePermissionsCache cache)
{
    public async Task<IReadOnlySet<string>> OfRolesAsync(IReadOnlyCollection<string> roles)
    {
        var byRole = await cache.GetAsync();
        if (roles.Count == 1)
        {
            return byRole.GetValueOrDefault(roles.First()) ?? FrozenSet<string>.Empty;
        }

        return roles.SelectMany(r => byRole.GetValueOrDefault(r) ?? FrozenSet<string>.Empty).ToFrozenSet(StringComparer.Ordinal);
    }
}

/// <summary>
/// Every role's permissions, by role name. A change saved in this instance applies at once; another instance of the
/// site sees it within <see cref="Lifetime"/> (a person's roles themselves are re-read from the database every
/// five minutes, when their session is validated).
/// </summary>
public sealed class RolePermissionsCache(IServiceScopeFactory scopes, HybridCache cache, TimeProvider clock)
    : GenerationCache<IReadOnlyDictionary<string, FrozenSet<string>>>(cache, clock, Lifetime)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public override bool Watches(object entity) => entity is RolePermission or Role;

    protected override async Task<IReadOnlyDictionary<string, FrozenSet<string>>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteDbContext>();
        var grants = await db.RolePermissions.AsNoTracking().Select(rp => new { Role = rp.Role!.Name!, rp.Permission }).ToListAsync(cancellationToken);
        return grants.GroupBy(g => g.Role, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Permission).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
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
