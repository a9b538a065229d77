using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Core.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Users.Recipes;

/// <summary>
/// <c>{ "name": "users", "users": [ { "email", "password", "displayName", "roles": [..], "region": "code", "residentVerified": true, "culture": "ko" } ] }</c>:
/// confirmed accounts, for demo sites. An existing email gets the roles and name of the recipe.
/// </summary>
public sealed class UsersStep : IRecipeStep
{
    public string Name => "users";

    private sealed record UserData(string? Email, string? Password, string? DisplayName, List<string>? Roles, string? Region, bool ResidentVerified, string? Culture);
    private sealed record Data(List<UserData>? Users);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var data = context.Read<Data>();
        if (data.Users is null || data.Users.Count == 0)
        {
            throw new RecipeException(null, null, "'users' must list at least one user.");
        }

        var roles = await context.Db.Roles.Select(r => r.Name!).ToListAsync(cancellationToken);
        var accounts = new List<RecipeUsers.Account>();
        foreach (var user in data.Users)
        {
            if (string.IsNullOrWhiteSpace(user.Email))
            {
                throw new RecipeException(null, null, "Every user needs an email.");
            }

            if (string.IsNullOrWhiteSpace(user.DisplayName))
            {
                throw new RecipeException(null, null, $"'{user.Email}' needs a displayName.");
            }

            foreach (var role in user.Roles ?? [])
            {
                if (!roles.Contains(role, StringComparer.Ordinal))
                {
                    throw new RecipeException(null, null, $"'{user.Email}': there is no role '{role}' (run the roles step first).");
                }
            }

            int? regionId = null;
            if (!string.IsNullOrWhiteSpace(user.Region))
            {
                regionId = await context.Db.Regions.Where(r => r.Code == user.Region).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken)
                           ?? throw new RecipeException(null, null, $"'{user.Email}': there is no region with the code '{user.Region}'.");
            }

            if (user.Culture is not null && !SiteCultures.Supported.Contains(user.Culture))
            {
                throw new RecipeException(null, null, $"'{user.Email}': culture must be one of {string.Join(", ", SiteCultures.Supported)}.");
            }

            accounts.Add(new RecipeUsers.Account(user.Email.Trim(), user.Password, user.DisplayName.Trim(), user.Roles ?? [], regionId, user.ResidentVerified, user.Culture));
        }

        foreach (var account in accounts)
        {
            await RecipeUsers.CreateOrUpdateAsync(context, account);
        }
    }
}

/// <summary>What the two account steps share: Identity does the hashing, normalising and validating.</summary>
internal static class RecipeUsers
{
    /// <param name="ResidentVerified">null leaves it as it is.</param>
    /// <param name="ReplaceRoles">false only adds <paramref name="Roles"/>.</param>
    public sealed record Account(string Email, string? Password, string DisplayName, IReadOnlyList<string> Roles, int? RegionId, bool? ResidentVerified, string? Culture, bool ReplaceRoles = true);

    public static async Task EnsureRoleAsync(RecipeStepContext context, string name)
    {
        var roles = context.Services.GetRequiredService<RoleManager<Role>>();
        if (!await roles.RoleExistsAsync(name))
        {
            Check(await roles.CreateAsync(new Role(name) { Id = Guid.NewGuid() }), name);
        }
    }

    public static async Task CreateOrUpdateAsync(RecipeStepContext context, Account account)
    {
        var users = context.Services.GetRequiredService<UserManager<User>>();
        var clock = context.Services.GetRequiredService<TimeProvider>();
        if (VisibleName.HasHiddenCharacters(account.DisplayName))
        {
            throw new RecipeException(null, null, $"'{account.Email}': {VisibleName.Message}");
        }

        var user = await users.FindByEmailAsync(account.Email);
        if (user is null)
        {
            if (string.IsNullOrEmpty(account.Password))
            {
                throw new RecipeException(null, null, $"'{account.Email}' needs a password.");
            }

            user = new User
            {
                Id = Guid.NewGuid(),
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                ConfirmedAge14OrOver = true,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            Apply(user, account, clock);
            Check(await users.CreateAsync(user, account.Password), account.Email);
        }
        else
        {
            Apply(user, account, clock);
            user.EmailConfirmed = true;
            Check(await users.UpdateAsync(user), account.Email);
            if (!string.IsNullOrEmpty(account.Password) && !await users.CheckPasswordAsync(user, account.Password))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                Check(await users.ResetPasswordAsync(user, token, account.Password), account.Email);
            }
        }

        var current = await users.GetRolesAsync(user);
        var removed = account.ReplaceRoles ? current.Except(account.Roles).ToList() : [];
        var added = account.Roles.Except(current).ToList();
        if (removed.Count > 0)
        {
            Check(await users.RemoveFromRolesAsync(user, removed), account.Email);
        }

        if (added.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, added), account.Email);
        }
    }

    private static void Apply(User user, Account account, TimeProvider clock)
    {
        user.DisplayName = account.DisplayName;
        if (account.RegionId is not null)
        {
            user.RegionId = account.RegionId;
        }

        if (account.Culture is not null)
        {
            user.PreferredCulture = account.Culture;
        }

        if (account.ResidentVerified is { } verified && verified != user.ResidentVerified)
        {
            user.ResidentVerified = verified;
            user.ResidentVerifiedAt = verified ? clock.GetUtcNow().UtcDateTime : null;
        }
    }

    private static void Check(IdentityResult result, string who)
    {
        if (!result.Succeeded)
        {
            throw new RecipeException(null, null, $"'{who}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
