namespace CitizenParticipation.Core.Recipes;

/// <summary>The recipes shipped in <c>content-recipes/</c>.</summary>
public sealed class RecipeHarvester(string directory)
{
    public string Directory { get; } = directory;

    public IReadOnlyList<RecipeDescriptor> GetRecipes() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.recipe.json")
                .Order(StringComparer.Ordinal)
                .Select(f => RecipeDescriptor.Parse(File.ReadAllText(f)))
                .ToList()
            : [];

    public RecipeDescriptor? Find(string name) => GetRecipes().FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
