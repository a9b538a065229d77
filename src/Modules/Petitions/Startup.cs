using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Modules;
using CitizenParticipation.Modules.Petitions.Features;
using CitizenParticipation.Modules.Petitions.Recipes;
using CitizenParticipation.Modules.Petitions.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Petitions;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<PetitionPermissions>();
        services.AddAdminMenu<PetitionsAdminMenu>();
        services.AddMainMenu<MainMenu>();
        services.AddMemoryCache();
        services.AddSingleton<PetitionSettingsCache>();
        services.AddSingleton<SignatureWriteGate>();
        services.AddScoped<PetitionEmails>();
        services.AddRecipeStep<PetitionSettingsStep>();
        services.AddRecipeStep<PetitionsStep>();
        services.AddRateLimiter(PetitionRateLimits.Configure);
        if (configuration.GetValue("Petitions:MaintenanceEnabled", true))
        {
            services.AddHostedService<PetitionMaintenanceService>();
        }
    }
}
