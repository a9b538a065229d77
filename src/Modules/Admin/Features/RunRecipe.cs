using System.Text.Json;
using CitizenParticipation.Core.Recipes;
using MediatR;

namespace CitizenParticipation.Modules.Admin.Features;

public sealed record ListRecipes : IRequest<IReadOnlyList<RecipeSummary>>;

public sealed record RecipeSummary(string Name, string DisplayName, string Description, IReadOnlyList<string> Steps);

public sealed class ListRecipesHandler(RecipeHarvester harvester) : IRequestHandler<ListRecipes, IReadOnlyList<RecipeSummary>>
{
    public Task<IReadOnlyList<RecipeSummary>> Handle(ListRecipes request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecipeSummary>>(harvester.GetRecipes().Select(Summarize).ToList());

    public static RecipeSummary Summarize(RecipeDescriptor recipe) => new(
        recipe.Name,
        recipe.DisplayName,
        recipe.Description,
        recipe.Steps.Select(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "?").ToList());
}

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
