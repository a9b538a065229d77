using System.Text.Json;
using CitizenParticipation.Core.Recipes;
using MediatR;

namespace CitizenParticipation.Modules.Admin.Features;

public sealed record ListRecipes : IRequest<IReadOnlyList<RecipeSummary>>;

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
