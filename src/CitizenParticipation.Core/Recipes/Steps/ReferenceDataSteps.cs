using CitizenParticipation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Core.Recipes.Steps;

public sealed record ReferenceItem(string? Code, string? NameKo, string? NameEn, string? Kind);

/// <summary>Creates or updates reference data (regions, policy fields, departments) by code.</summary>
public abstract class ReferenceDataStep<T> : IRecipeStep where T : class
{
    public abstract string Name { get; }
    protected abstract string ListProperty { get; }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (!context.Step.TryGetProperty(ListProperty, out var list))
        {
            throw new RecipeException(null, null, $"'{ListProperty}' is missing.");
        }

        var items = RecipeStepContextReader.Read<List<ReferenceItem>>(list);
        var set = context.Db.Set<T>();
        var order = 0;
        foreach (var item in items)
        {
            order += 10;
            if (string.IsNullOrWhiteSpace(item.Code) || item.Code.Length > 50)
            {
                throw new RecipeException(null, null, $"Item {order / 10} needs a code of at most 50 characters.");
            }

            if (string.IsNullOrWhiteSpace(item.NameKo) || string.IsNullOrWhiteSpace(item.NameEn))
            {
                throw new RecipeException(null, null, $"'{item.Code}' needs both nameKo and nameEn.");
            }

            var entity = await set.FirstOrDefaultAsync(e => EF.Property<string>(e, "Code") == item.Code, cancellationToken)
                         ?? set.Local.FirstOrDefault(e => (string)context.Db.Entry(e).Property("Code").CurrentValue! == item.Code);
            if (entity is null)
            {
                entity = Activator.CreateInstance<T>();
                set.Add(entity);
            }

            var entry = context.Db.Entry(entity);
            entry.Property("Code").CurrentValue = item.Code;
            entry.Property("NameKo").CurrentValue = item.NameKo;
            entry.Property("NameEn").CurrentValue = item.NameEn;
            entry.Property("SortOrder").CurrentValue = order;
            Apply(entity, item);
        }
    }

    protected virtual void Apply(T entity, ReferenceItem item) { }
}

public sealed class RegionsStep : ReferenceDataStep<Region>
{
    public override string Name => "regions";
    protected override string ListProperty => "regions";

    protected override void Apply(Region entity, ReferenceItem item)
    {
        entity.Kind = item.Kind?.ToLowerInvariant() switch
        {
            null or "district" => RegionKind.District,
            "city" => RegionKind.City,
            _ => throw new RecipeException(null, null, $"'{item.Code}': kind must be 'city' or 'district'."),
        };
    }
}

public sealed class PolicyFieldsStep : ReferenceDataStep<PolicyField>
{
    public override string Name => "policyFields";
    protected override string ListProperty => "policyFields";
}

public sealed class DepartmentsStep : ReferenceDataStep<Department>
{
    public override string Name => "departments";
    protected override string ListProperty => "departments";
}

internal static class RecipeStepContextReader
{
    public static T Read<T>(System.Text.Json.JsonElement element)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<T>(element, RecipeDescriptor.JsonOptions)
                   ?? throw new RecipeException(null, null, "The step has no data.");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new RecipeException(null, null, $"The step's data is not valid: {ex.Message}");
        }
    }
}
