using CitizenParticipation.Core.Modules;

namespace CitizenParticipation.Themes.Admin;

public sealed class Startup : ModuleStartup
{
}
