using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Modules;
using CitizenParticipation.Modules.Debates.Features;
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
        services.AddScoped<IDiscussionThreadOwner, DebateThreadOwner>();
        if (configuration.GetValue("Debates:MaintenanceEnabled", true))
        {
            services.AddHostedService<DebateMaintenanceService>();
        }
    }
}
