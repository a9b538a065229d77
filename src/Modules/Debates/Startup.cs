using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Modules;
using CitizenParticipation.Modules.Debates.Features;
using CitizenParticipation.Modules.Debates.Recipes;
using CitizenParticipation.Modules.Debates.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Debates;

/// <summary>Talk-Talk deliberation (온라인 시민토론): the agenda, the debates and their opinion maps.</summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<DebatePermissions>();
        services.AddAdminMenu<DebatesAdminMenu>();
        services.AddMainMenu<MainMenu>();
        services.AddSettings<DebateSettings>("Debates");
        services.AddScoped<DebateAccess>();
        services.AddPublicPageCache(DebateCaching.PublicPolicy, DebateCaching.Tag,
            TimeSpan.FromSeconds(configuration.GetValue("Debates:PublicCacheSeconds", 5)));
        services.AddScoped<IDiscussionThreadOwner, DebateThreadOwner>();
        services.AddRecipeStep<DebatesStep>();
        if (configuration.GetValue("Debates:MaintenanceEnabled", true))
        {
            services.AddHostedService<DebateMaintenanceService>();
        }
    }
}

/// <summary>
/// Anonymous readers of the debates' open data and feed share a response made at most a few seconds ago; the commands
/// that change what they show (a phase change, a statement, a vote, a hidden statement) evict it once committed.
/// </summary>
public static class DebateCaching
{
    public const string PublicPolicy = "Debates.Public";
    public const string Tag = "debates";
}
