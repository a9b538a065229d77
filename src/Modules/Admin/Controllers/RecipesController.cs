using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Admin.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Admin.Controllers;

[Area("Admin")]
[Admin]
[Route("admin/recipes")]
public sealed class RecipesController(IAuthorizationService authorization, IMediator mediator, IStringLocalizer<RecipesController> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.RunRecipes)) return Forbid();

        return View(await mediator.Send(new ListRecipes(), cancellationToken));
    }

    [HttpGet("{name}/run")]
    public async Task<IActionResult> Run(string name, CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.RunRecipes)) return Forbid();

        var recipe = (await mediator.Send(new ListRecipes(), cancellationToken)).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
        return recipe is null ? NotFound() : View(new RunRecipeViewModel(recipe, null));
    }

    [HttpPost("{name}/run")]
    [ActionName("Run")]
    public async Task<IActionResult> RunConfirmed(string name, CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.RunRecipes)) return Forbid();

        var recipe = (await mediator.Send(new ListRecipes(), cancellationToken)).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
        if (recipe is null)
        {
            return NotFound();
        }

        try
        {
            await mediator.Send(new RunRecipe(recipe.Name), cancellationToken);
        }
        catch (RecipeException ex)
        {
            var error = ex.StepIndex is { } index
                ? T["Step {0} ({1}) was refused: {2}", index + 1, ex.StepName ?? T["unnamed"].Value, ex.Reason].Value
                : T["The recipe was refused: {0}", ex.Reason].Value;
            return View(new RunRecipeViewModel(recipe, error));
        }

        TempData["Notice"] = T["The recipe “{0}” was applied.", recipe.DisplayName].Value;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record RunRecipeViewModel(RecipeSummary Recipe, string? Error);
