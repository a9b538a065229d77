using CitizenParticipation.Core.Modules;

namespace CitizenParticipation.Modules.Users;

public sealed class Startup : ModuleStartup
{
}
