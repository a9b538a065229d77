using CitizenParticipation.Core.Modules;
using CitizenParticipation.Themes.Krds.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Themes.Krds;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<SiteChrome>();
    }
}
