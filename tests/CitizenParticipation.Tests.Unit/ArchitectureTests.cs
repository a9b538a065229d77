using System.Reflection;
using System.Xml.Linq;
using NetArchTest.Rules;

namespace CitizenParticipation.Tests.Unit;

/// <summary>
/// Modules and themes talk through Core's contracts only: a reference between two of them fails here, and so does a
/// type that reaches into another module's types, a controller that uses the database context, or a type outside the
/// Users module that reaches the people (accounts and roles) instead of asking the Users module.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string Root = RepositoryFolder.Root;

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
        var assemblies = ModuleAndThemeAssemblies();
        Assert.Contains(assemblies, a => a.GetName().Name == "CitizenParticipation.Modules.Admin");

        var offending = assemblies
            .SelectMany(a => a.GetReferencedAssemblies()
                .Where(r => IsModuleOrTheme(r.Name!) && r.Name != a.GetName().Name)
                .Select(r => $"{a.GetName().Name} -> {r.Name}"))
            .ToList();

        Assert.True(offending.Count == 0, "Modules and themes must not reference each other (use Core's contracts and notifications):\n" + string.Join("\n", offending));
    }

    [Fact]
    public void No_module_or_theme_type_depends_on_another_module_or_themes_types()
    {
        var assemblies = ModuleAndThemeAssemblies();
        // The same search by namespace finds the module types that use Core's, so one that used another module's would be found too.
        Assert.NotEmpty(Types.InAssemblies(assemblies).That().HaveDependencyOnAny("CitizenParticipation.Core.Contracts").GetTypes());

        var offending = new List<string>();
        foreach (var assembly in assemblies)
        {
            var others = assemblies.Where(a => a != assembly).Select(a => a.GetName().Name!).ToArray();
            offending.AddRange(Failing(Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(others)));
        }

        Assert.True(offending.Count == 0, "A module's types must not use another module's types (use Core's contracts and notifications):\n" + string.Join("\n", offending));
    }

    [Fact]
    public void Controllers_do_not_use_the_database_context()
    {
        var controllers = Types.InAssemblies([.. ModuleAndThemeAssemblies(), WebAssembly])
            .That().Inherit(typeof(Microsoft.AspNetCore.Mvc.ControllerBase));
        Assert.NotEmpty(controllers.GetTypes());

        string[] database = [typeof(Microsoft.EntityFrameworkCore.DbContext).FullName!, typeof(Core.Data.SiteDbContext).FullName!, "Microsoft.EntityFrameworkCore.DbSet`1"];
        // The same search finds the handlers that do use the context, so a controller that did would be found too.
        Assert.NotEmpty(Types.InAssemblies(ModuleAndThemeAssemblies()).That().HaveDependencyOnAny(database).GetTypes());

        var offending = Failing(controllers.ShouldNot().HaveDependencyOnAny(database));

        Assert.True(offending.Count == 0, "Controllers check the permission, send a request and redirect; the handlers use the database:\n" + string.Join("\n", offending));
    }

    /// <summary>What reaches the people: their entities (and so the Users, Roles and UserRoles sets) and Identity's managers and stores.</summary>
    private static readonly string[] PeopleTypes =
    [
        typeof(Core.Data.User).FullName!, typeof(Core.Data.Role).FullName!,
        "Microsoft.AspNetCore.Identity.IdentityUserRole`1", "Microsoft.AspNetCore.Identity.UserManager`1", "Microsoft.AspNetCore.Identity.RoleManager`1",
        "Microsoft.AspNetCore.Identity.SignInManager`1", "Microsoft.AspNetCore.Identity.IUserStore`1", "Microsoft.AspNetCore.Identity.IRoleStore`1",
    ];

    /// <summary>
    /// Core declares the people in the model and wires Identity to it: the entities, the context, the roles recipe step
    /// and the permission check with its cache of roles' permissions (roles carry permissions, which are Core's). Nothing else
    /// in Core reaches them.
    /// </summary>
    private static readonly string[] CoreTypesThatDeclareThePeople =
    [
        nameof(Core.Data.User), nameof(Core.Data.Role), nameof(Core.Data.RolePermission), nameof(Core.Data.SiteDbContext),
        nameof(Core.Recipes.Steps.RolesStep), nameof(Core.Security.PermissionHandler), nameof(Core.Security.RolePermissionsCache),
    ];

    [Fact]
    public void Only_the_Users_module_reaches_the_people()
    {
        var assemblies = ModuleAndThemeAssemblies().Where(a => a.GetName().Name != "CitizenParticipation.Modules.Users").Append(WebAssembly).ToList();
        Assert.Contains(assemblies, a => a.GetName().Name == "CitizenParticipation.Modules.Petitions");

        // A module maps its own tables, which may hold a foreign key to a person (HasOne<User>()), and nothing more.
        var offending = Failing(Types.InAssemblies(assemblies).That().DoNotResideInNamespaceEndingWith(".Data").ShouldNot().HaveDependencyOnAny(PeopleTypes))
            .Concat(Failing(Types.InAssemblies(assemblies).That().ResideInNamespaceEndingWith(".Data")
                .ShouldNot().HaveDependencyOnAny(PeopleTypes.Where(t => t != typeof(Core.Data.User).FullName).ToArray())))
            .Concat(Failing(Types.InAssembly(typeof(Core.Data.SiteDbContext).Assembly).That().DoNotHaveName(CoreTypesThatDeclareThePeople)
                .ShouldNot().HaveDependencyOnAny(PeopleTypes)))
            .ToList();

        Assert.True(offending.Count == 0, "Ask the Users module about people through Core's contracts (Core.Contracts.People) instead:\n" + string.Join("\n", offending));
    }

    private static Assembly WebAssembly => typeof(Program).Assembly;

    private static List<Assembly> ModuleAndThemeAssemblies()
    {
        var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "CitizenParticipation.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => IsModuleOrTheme(name!))
            .Select(name => Assembly.Load(new AssemblyName(name!)))
            .ToList();
        Assert.Contains(assemblies, a => a.GetName().Name == "CitizenParticipation.Modules.Users");
        return assemblies;
    }

    private static List<string> Failing(ConditionList rule) =>
        rule.GetResult().FailingTypes?.Select(t => t.FullName).ToList() ?? [];

    private static bool IsModuleOrTheme(string assemblyName) =>
        assemblyName.StartsWith("CitizenParticipation.Modules.", StringComparison.Ordinal)
        || assemblyName.StartsWith("CitizenParticipation.Themes.", StringComparison.Ordinal);
}
