using CitizenParticipation.Core.Modules;

namespace CitizenParticipation.Modules.Debates;

/// <summary>Talk-Talk deliberation (온라인 시민토론): so far the opinion map's and the deliberative poll's statistics.</summary>
public sealed class Startup : ModuleStartup
{
}
