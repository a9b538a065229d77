using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Core.Modules;

/// <summary>
/// One per module: registers the module's services, permissions, admin menu entries and recipe
/// steps (in <see cref="ConfigureServices"/>), its entities (in <see cref="ConfigureModel"/>) and
/// its routes (in <see cref="MapRoutes"/>).
/// </summary>
public abstract class ModuleStartup
{
    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }

    /// <summary>Entities are configured with <c>IEntityTypeConfiguration</c> classes in the module's assembly.</summary>
    public virtual void ConfigureModel(ModelBuilder modelBuilder)
    {
        // EF Core warns at every start about an assembly without configurations (a module without tables, a theme).
        var assembly = GetType().Assembly;
        if (assembly.GetTypes().Any(IsEntityTypeConfiguration))
        {
            modelBuilder.ApplyConfigurationsFromAssembly(assembly);
        }
    }

    public virtual void MapRoutes(IEndpointRouteBuilder routes) { }

    private static bool IsEntityTypeConfiguration(Type type) =>
        type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
        && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>));
}
