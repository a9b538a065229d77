using CitizenParticipation.Core.Caching;
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
        services.AddPublicPageCache(PetitionCaching.PublicPolicy, PetitionCaching.Tag,
            TimeSpan.FromSeconds(configuration.GetValue("Petitions:PublicCacheSeconds", 5)));
        services.AddSettings<PetitionSettings>("Petitions");
        services.AddSingleton<SignatureBatcher>();
        services.AddSingleton<PetitionCreationLimits>();
        services.AddScoped<PetitionEmails>();
        services.AddScoped<Core.Email.IMailingSource, PetitionMailingSource>();
        services.AddRecipeStep<PetitionsStep>();
        services.AddRateLimiter(PetitionRateLimits.Configure);
        if (configuration.GetValue("Petitions:MaintenanceEnabled", true))
        {
            services.AddHostedService<PetitionMaintenanceService>();
        }
    }
}

/// <summary>
/// Anonymous readers of the list, the petition pages, the live count and the open data share a page
/// rendered at most a few seconds ago; the commands that change what they show evict them once committed
/// (<see cref="Core.Caching.EvictsPublicPagesAttribute"/>), and the count a signer sees after signing is their
/// own fresh page.
/// </summary>
public static class PetitionCaching
{
    public const string PublicPolicy = "Petitions.Public";
    public const string Tag = "petitions";
}
