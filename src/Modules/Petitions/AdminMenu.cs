using CitizenParticipation.Core.Navigation;

namespace CitizenParticipation.Modules.Petitions;

public sealed class PetitionsAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Petition list", "/admin/petitions", PetitionPermissions.ModeratePetitions, "Petitions", 10),
        new("Petition settings", "/admin/petitions/settings", PetitionPermissions.ManagePetitionSettings, "Petitions", 30),
    ];
}
