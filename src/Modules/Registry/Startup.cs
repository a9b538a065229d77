using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Documents;
using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Maps;
using CitizenParticipation.Core.Modules;
using CitizenParticipation.Modules.Registry.Data;
using CitizenParticipation.Modules.Registry.Recipes;
using CitizenParticipation.Modules.Registry.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CitizenParticipation.Modules.Registry;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegistryOptions>(configuration.GetSection("Registry"));
        services.Configure<MayorsOfficeOptions>(configuration.GetSection("MayorsOffice"));
        // The tile map's images come from the city's tile server: the only other origin a page loads from.
        if (TileMap.Origin(configuration["MayorsOffice:TileUrl"]) is { } tiles)
        {
            services.Configure<SecurityHeadersOptions>(o => o.ImageSources.Add(tiles));
        }
        services.AddPermissions<RegistryPermissions>();
        services.AddAdminMenu<RegistryAdminMenu>();
        services.AddMainMenu<MainMenu>();
        services.AddScoped<RegistryAccess>();
        services.AddScoped(provider => new DocumentInspector(provider.GetRequiredService<IOptions<RegistryOptions>>().Value.MaxDocumentBytes));
        services.AddRecipeStep<PolicyTasksStep>();
        services.AddRecipeStep<RegistryOfficersStep>();
        services.AddSingleton<AppendOnlyTimelineInterceptor>();
        services.AddInvalidatedCache<Services.DashboardCache>();
        services.ConfigureDbContext<SiteDbContext>((provider, options) =>
            options.AddInterceptors(provider.GetRequiredService<AppendOnlyTimelineInterceptor>()), ServiceLifetime.Singleton);
    }
}
