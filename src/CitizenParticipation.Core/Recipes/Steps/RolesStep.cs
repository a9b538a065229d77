using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Core.Recipes.Steps;

/// <summary>
/// <c>{ "name": "roles", "roles": [ { "name": "Staff", "defaultPermissions": true, "permissions": ["AccessAdmin"] } ] }</c>.
/// Creates the roles and grants the permissions; a permission no module declares is refused.
/// </summary>
public sealed class RolesStep : IRecipeStep
{
    public string Name => "roles";

    private sealed record RoleData(string? Name, bool DefaultPermissions, List<string>? Permissions);
    private sealed record Data(List<RoleData>? Roles);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var data = context.Read<Data>();
        if (data.Roles is null || data.Roles.Count == 0)
        {
            throw new RecipeException(null, null, "'roles' must list at least one role.");
        }

        var registry = context.Services.GetRequiredService<PermissionRegistry>();
        foreach (var roleData in data.Roles)
        {
            if (string.IsNullOrWhiteSpace(roleData.Name) || roleData.Name.Length > 64)
            {
                throw new RecipeException(null, null, "Every role needs a name of at most 64 characters.");
            }

            var normalized = roleData.Name.ToUpperInvariant();
            var role = await context.Db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken);
            if (role is null)
            {
                role = new Role(roleData.Name) { Id = Guid.NewGuid(), NormalizedName = normalized, ConcurrencyStamp = Guid.NewGuid().ToString() };
                context.Db.Roles.Add(role);
            }

            var names = new HashSet<string>(roleData.Permissions ?? [], StringComparer.Ordinal);
            if (roleData.DefaultPermissions)
            {
                names.UnionWith(registry.DefaultGrants.Where(g => g.Role == roleData.Name).Select(g => g.Permission.Name));
            }

            var existing = await context.Db.RolePermissions.Where(rp => rp.RoleId == role.Id).Select(rp => rp.Permission).ToListAsync(cancellationToken);
            foreach (var name in names.Except(existing))
            {
                if (registry.Find(name) is null)
                {
                    throw new RecipeException(null, null, $"No module declares the permission '{name}' (role '{roleData.Name}').");
                }

                context.Db.RolePermissions.Add(new RolePermission { RoleId = role.Id, Permission = name });
            }
        }
    }
}
