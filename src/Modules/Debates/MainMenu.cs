using CitizenParticipation.Core.Navigation;

namespace CitizenParticipation.Modules.Debates;

public sealed class MainMenu : IMainMenuProvider
{
    public IEnumerable<MainMenuItem> GetItems() =>
        [new("Citizen debates", "Learn about a city question, deliberate with other citizens and shape the committee's recommendation.", "/debates", 20)];
}
