using CitizenParticipation.Core.Modules;

namespace CitizenParticipation.Modules.Admin;

public sealed class Startup : ModuleStartup
{
}
