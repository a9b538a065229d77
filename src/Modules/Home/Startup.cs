using CitizenParticipation.Core.Modules;

namespace CitizenParticipation.Modules.Home;

public sealed class Startup : ModuleStartup
{
}
