using CitizenParticipation.Core.Navigation;

namespace CitizenParticipation.Modules.Registry;

public sealed class MainMenu : IMainMenuProvider
{
    public IEnumerable<MainMenuItem> GetItems() =>
        [new("Citizen mayor's office", "Follow the progress of the city's pledges and policies by field and by district, on a map.", "/mayors-office", 50)];
}
