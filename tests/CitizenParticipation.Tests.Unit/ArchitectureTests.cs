using System.Reflection;
using System.Xml.Linq;

namespace CitizenParticipation.Tests.Unit;

/// <summary>Modules and themes talk through Core's contracts only; a reference between two of them fails here.</summary>
public sealed class ArchitectureTests
{
    private static readonly string Root = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CitizenParticipation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CitizenParticipation.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyList<string> ModuleProjects() =>
        Directory.GetDirectories(Path.Combine(Root, "src", "Modules")).SelectMany(d => Directory.GetFiles(d, "*.csproj"))
            .Concat(Directory.GetDirectories(Path.Combine(Root, "themes")).SelectMany(d => Directory.GetFiles(d, "*.csproj")))
            .Select(Path.GetFullPath)
            .ToList();

    [Fact]
    public void The_module_and_theme_projects_are_found()
    {
        var names = ModuleProjects().Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.Contains("CitizenParticipation.Modules.Admin", names);
        Assert.Contains("CitizenParticipation.Modules.Users", names);
        Assert.Contains("CitizenParticipation.Themes.Krds", names);
        Assert.Contains("CitizenParticipation.Themes.Admin", names);
    }

    [Fact]
    public void No_module_or_theme_project_references_another_module_or_theme_project()
    {
        var projects = ModuleProjects().ToHashSet(StringComparer.Ordinal);
        var offending = new List<string>();
        foreach (var project in projects)
        {
            var references = XDocument.Load(project).Descendants()
                .Where(e => e.Name.LocalName == "ProjectReference")
                .Select(e => e.Attribute("Include")?.Value)
                .OfType<string>()
                .Select(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include.Replace('\\', Path.DirectorySeparatorChar))));
            offending.AddRange(references.Where(projects.Contains)
                .Select(reference => $"{Path.GetFileNameWithoutExtension(project)} -> {Path.GetFileNameWithoutExtension(reference)}"));
        }

        Assert.True(offending.Count == 0, "Modules and themes must not reference each other (use Core's contracts and notifications):\n" + string.Join("\n", offending));
    }

    [Fact]
    public void No_compiled_module_or_theme_references_another_module_or_theme()
    {
        var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "CitizenParticipation.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => IsModuleOrTheme(name!))
            .Select(name => Assembly.Load(new AssemblyName(name!)))
            .ToList();
        Assert.Contains(assemblies, a => a.GetName().Name == "CitizenParticipation.Modules.Admin");

        var offending = assemblies
            .SelectMany(a => a.GetReferencedAssemblies()
                .Where(r => IsModuleOrTheme(r.Name!) && r.Name != a.GetName().Name)
                .Select(r => $"{a.GetName().Name} -> {r.Name}"))
            .ToList();

        Assert.True(offending.Count == 0, "Modules and themes must not reference each other (use Core's contracts and notifications):\n" + string.Join("\n", offending));
    }

    private static bool IsModuleOrTheme(string assemblyName) =>
        assemblyName.StartsWith("CitizenParticipation.Modules.", StringComparison.Ordinal)
        || assemblyName.StartsWith("CitizenParticipation.Themes.", StringComparison.Ordinal);
}
