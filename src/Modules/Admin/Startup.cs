using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Admin;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<AdminPermissions>();
        services.AddAdminMenu<AdminMenu>();
    }
}
