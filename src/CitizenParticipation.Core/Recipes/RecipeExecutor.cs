using System.Text.Json;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Core.Recipes;

/// <summary>Runs a recipe's steps in one transaction: an unknown step or invalid data changes nothing.</summary>
public sealed class RecipeExecutor(SiteDbContext db, IEnumerable<IRecipeStep> steps, IServiceProvider services, EventDispatcher events, ILogger<RecipeExecutor> logger)
{
    public IReadOnlyCollection<string> KnownSteps => steps.Select(s => s.Name).ToList();

    public async Task ExecuteAsync(RecipeDescriptor recipe, CancellationToken cancellationToken = default)
    {
        var handlers = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var plan = new List<(int Index, string Name, IRecipeStep Handler, JsonElement Step)>();
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            if (step.ValueKind != JsonValueKind.Object || !step.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
            {
                throw new RecipeException(i, null, "The step has no name.");
            }

            var name = nameElement.GetString()!;
            if (!handlers.TryGetValue(name, out var handler))
            {
                throw new RecipeException(i, name, $"No module handles the step '{name}'.");
            }

            plan.Add((i, name, handler, step));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                foreach (var (index, name, handler, step) in plan)
                {
                    try
                    {
                        await handler.ExecuteAsync(new RecipeStepContext(step, db, services), cancellationToken);
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    catch (RecipeException ex) when (ex.StepIndex is null)
                    {
                        throw new RecipeException(index, name, ex.Reason);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException and not RecipeException)
                    {
                        throw new RecipeException(index, name, ex.InnerException?.Message ?? ex.Message);
                    }
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Recipe {Recipe} ran {Steps} steps", recipe.Name, plan.Count);

            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }
        });

        // What the recipe raised (an answered petition's outcome, say) is in the site when the recipe is done; a
        // subscriber that fails leaves its event to the dispatcher's retries.
        await events.DispatchAllDueAsync(cancellationToken);
    }
}
