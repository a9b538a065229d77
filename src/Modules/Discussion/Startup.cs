using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Modules;
using CitizenParticipation.Modules.Discussion.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Modules.Discussion;

/// <summary>Comments and their moderation, once for every module that attaches a thread to its items (Core's Contracts/Discussion.cs).</summary>
public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<DiscussionPermissions>();
        services.AddAdminMenu<DiscussionAdminMenu>();
        services.AddSettings<DiscussionSettings>("Discussion");
        services.AddScoped<ThreadAccess>();
    }
}
