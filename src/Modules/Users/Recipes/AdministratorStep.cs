using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Users.Recipes;

/// <summary>
/// <c>{ "name": "administrator" }</c>: creates (or updates) the administrator named in configuration
/// (Setup:AdminEmail, Setup:AdminPassword, Setup:AdminDisplayName) so that no password sits in a recipe.
/// </summary>
public sealed class AdministratorStep : IRecipeStep
{
    public string Name => "administrator";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var configuration = context.Services.GetRequiredService<IConfiguration>();
        var email = configuration["Setup:AdminEmail"];
        var password = configuration["Setup:AdminPassword"];
        var displayName = configuration["Setup:AdminDisplayName"] is { Length: > 0 } name ? name : "관리자";
        if (string.IsNullOrWhiteSpace(email))
        {
            throw new RecipeException(null, null, "Setup:AdminEmail is not configured.");
        }

        if (string.IsNullOrEmpty(password))
        {
            throw new RecipeException(null, null,
                "Setup:AdminPassword is not configured. Set it (an environment variable Setup__AdminPassword, or user secrets) before the first start.");
        }

        await RecipeUsers.EnsureRoleAsync(context, StandardRoles.Administrator);
        await RecipeUsers.CreateOrUpdateAsync(context, new RecipeUsers.Account(
            email.Trim(), password, displayName, [StandardRoles.Administrator], RegionId: null, ResidentVerified: null, Culture: null, ReplaceRoles: false));
    }
}
