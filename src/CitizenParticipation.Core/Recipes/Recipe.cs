using System.Text.Json;
using System.Text.Json.Serialization;
using CitizenParticipation.Core.Data;

namespace CitizenParticipation.Core.Recipes;

/// <summary>An Orchard-style recipe: a named list of steps that sets a site up.</summary>
public sealed class RecipeDescriptor
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("displayName")] public string DisplayName { get; set; } = "";
    [JsonPropertyName("description")] public string Description { get; set; } = "";
    [JsonPropertyName("steps")] public List<JsonElement> Steps { get; set; } = [];

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static RecipeDescriptor Parse(string json) =>
        JsonSerializer.Deserialize<RecipeDescriptor>(json, JsonOptions)
        ?? throw new RecipeException(null, null, "The recipe is empty.");
}

/// <summary>A module's handler for one kind of step, registered with <c>services.AddRecipeStep&lt;T&gt;()</c>.</summary>
public interface IRecipeStep
{
    /// <summary>The value of the step's <c>name</c>.</summary>
    string Name { get; }

    /// <summary>Applies the step through <see cref="RecipeStepContext.Db"/>; throw <see cref="RecipeException"/> on invalid data.</summary>
    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}

public sealed class RecipeStepContext(JsonElement step, SiteDbContext db, IServiceProvider services)
{
    public JsonElement Step { get; } = step;
    public SiteDbContext Db { get; } = db;
    public IServiceProvider Services { get; } = services;

    /// <summary>Reads the step's JSON as <typeparamref name="T"/>; malformed data is reported as a recipe error.</summary>
    public T Read<T>()
    {
        try
        {
            return Step.Deserialize<T>(RecipeDescriptor.JsonOptions) ?? throw new RecipeException(null, null, "The step has no data.");
        }
        catch (JsonException ex)
        {
            throw new RecipeException(null, null, $"The step's data is not valid: {ex.Message}");
        }
    }
}

/// <summary>Why a recipe was refused; <see cref="StepIndex"/> is zero-based.</summary>
public sealed class RecipeException(int? stepIndex, string? stepName, string reason) : Exception(Describe(stepIndex, stepName, reason))
{
    public int? StepIndex { get; } = stepIndex;
    public string? StepName { get; } = stepName;
    public string Reason { get; } = reason;

    private static string Describe(int? index, string? name, string reason) =>
        index is null ? reason : $"Step {index} ({name ?? "unnamed"}): {reason}";
}
