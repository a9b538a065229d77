using System.Security.Claims;
using CitizenParticipation.Core.Navigation;
using CitizenParticipation.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace CitizenParticipation.Themes.Admin.Services;

/// <summary>A group of the admin navigation; <paramref name="Name"/> is a localisable source text.</summary>
public sealed record AdminMenuGroup(string Name, IReadOnlyList<AdminMenuItem> Items);

/// <summary>The admin navigation from every module's menu provider, limited to what the person may use.</summary>
public sealed class AdminNavigation(IEnumerable<IAdminMenuProvider> providers, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<AdminMenuGroup>> GetAsync(ClaimsPrincipal user)
    {
        var allowed = new List<AdminMenuItem>();
        foreach (var item in providers.SelectMany(p => p.GetItems()))
        {
            if (await authorization.AuthorizeAsync(user, item.Permission))
            {
                allowed.Add(item);
            }
        }

        return allowed
            .GroupBy(i => i.Group)
            .OrderBy(g => g.Min(i => i.Order))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AdminMenuGroup(g.Key, g.OrderBy(i => i.Order).ThenBy(i => i.Text, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public static bool IsCurrent(AdminMenuItem item, string path) =>
        path.Equals(item.Url, StringComparison.OrdinalIgnoreCase)
        || (item.Url.TrimEnd('/').Length > "/admin".Length && path.StartsWith(item.Url.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase));
}
