using CitizenParticipation.Core.Recipes;
using MediatR;

namespace CitizenParticipation.Modules.Admin.Features;

public sealed record RecipeSummary(string Name, string DisplayName, string Description, IReadOnlyList<string> Steps);

/// <summary>
/// Runs a recipe from <c>content-recipes/</c>. Not an <c>ICommand</c>: the executor opens its own
/// transaction over all steps, which the command pipeline's transaction would otherwise enclose.
/// </summary>
public sealed record RunRecipe(string Name) : IRequest<RecipeSummary?>;

public sealed class RunRecipeHandler(RecipeHarvester harvester, RecipeExecutor executor) : IRequestHandler<RunRecipe, RecipeSummary?>
{
    /// <returns>null when no recipe has that name; throws <see cref="RecipeException"/> when a step is refused.</returns>
    public async Task<RecipeSummary?> Handle(RunRecipe request, CancellationToken cancellationToken)
    {
        if (harvester.Find(request.Name) is not { } recipe)
        {
            return null;
        }

        await executor.ExecuteAsync(recipe, cancellationToken);
        return ListRecipesHandler.Summarize(recipe);
    }
}
