using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace CitizenParticipation.Core.Modules;

public sealed record ModuleDescriptor(string Name, ModuleKind Kind, int Order, Assembly Assembly, ModuleStartup Startup);

/// <summary>The modules and themes the host was built with, themes first.</summary>
public sealed class ModuleCatalog
{
    public ModuleCatalog(IEnumerable<Assembly> assemblies)
    {
        Modules = assemblies
            .Select(a => (Assembly: a, Attribute: a.GetCustomAttribute<ModuleAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => new ModuleDescriptor(
                x.Attribute!.Name, x.Attribute.Kind, x.Attribute.Order, x.Assembly,
                (ModuleStartup)Activator.CreateInstance(x.Attribute.Startup)!))
            .OrderBy(m => m.Kind == ModuleKind.Theme ? 0 : 1)
            .ThenBy(m => m.Order)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<ModuleDescriptor> Modules { get; }

    /// <summary>Every CitizenParticipation assembly the application was compiled against.</summary>
    public static ModuleCatalog FromDependencyContext()
    {
        var context = DependencyContext.Default ?? throw new InvalidOperationException("No dependency context.");
        var assemblies = context.RuntimeLibraries
            .Where(l => l.Name.StartsWith("CitizenParticipation.", StringComparison.Ordinal))
            .Select(l => Assembly.Load(new AssemblyName(l.Name)));
        return new ModuleCatalog(assemblies);
    }
}
