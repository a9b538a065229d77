using CitizenParticipation.Core.Navigation;

namespace CitizenParticipation.Modules.Petitions;

public sealed class MainMenu : IMainMenuProvider
{
    public IEnumerable<MainMenuItem> GetItems() =>
        [new("Petitions", "Propose a petition to the city and gather the support of your neighbours.", "/petitions", 10)];
}
