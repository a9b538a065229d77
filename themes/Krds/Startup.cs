using CitizenParticipation.Core.Modules;

namespace CitizenParticipation.Themes.Krds;

public sealed class Startup : ModuleStartup
{
}
