using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Navigation;
using CitizenParticipation.Core.Recipes;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Core.Settings;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Core.Hosting;

/// <summary>The registrations a module's startup uses, one line each.</summary>
public static class ModuleServiceCollectionExtensions
{
    public static IServiceCollection AddPermissions<T>(this IServiceCollection services) where T : class, IPermissionProvider =>
        services.AddSingleton<IPermissionProvider, T>();

    public static IServiceCollection AddAdminMenu<T>(this IServiceCollection services) where T : class, IAdminMenuProvider =>
        services.AddSingleton<IAdminMenuProvider, T>();

    public static IServiceCollection AddMainMenu<T>(this IServiceCollection services) where T : class, IMainMenuProvider =>
        services.AddSingleton<IMainMenuProvider, T>();

    public static IServiceCollection AddRecipeStep<T>(this IServiceCollection services) where T : class, IRecipeStep =>
        services.AddScoped<IRecipeStep, T>();

    /// <summary>A singleton cache that saved changes to the entities it watches invalidate (see <see cref="ICacheInvalidator"/>).</summary>
    public static IServiceCollection AddInvalidatedCache<T>(this IServiceCollection services) where T : class, ICacheInvalidator =>
        services.AddSingleton<T>().AddSingleton<ICacheInvalidator>(provider => provider.GetRequiredService<T>());

    /// <summary>
    /// <typeparamref name="T"/> is a settings document named <paramref name="name"/> (<see cref="ISettings{T}"/>); before
    /// documents its properties were rows named <c>name.Property</c>, or as <paramref name="legacyKey"/> says.
    /// </summary>
    public static IServiceCollection AddSettings<T>(this IServiceCollection services, string name, Func<string, string>? legacyKey = null)
        where T : class, new()
    {
        services.AddSingleton(provider => new SettingsDocument<T>(
            name, legacyKey ?? (property => $"{name}.{property}"), provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<HybridCache>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<SettingsDocument<T>>>()));
        services.AddSingleton<ISettings<T>>(provider => provider.GetRequiredService<SettingsDocument<T>>());
        services.AddSingleton<ISettingsDocument>(provider => provider.GetRequiredService<SettingsDocument<T>>());
        return services.AddSingleton<ICacheInvalidator>(provider => provider.GetRequiredService<SettingsDocument<T>>());
    }
}
