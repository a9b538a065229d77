using CitizenParticipation.Core.Navigation;
using CitizenParticipation.Core.Security;

namespace CitizenParticipation.Modules.Petitions;

public sealed class PetitionPermissions : IPermissionProvider
{
    public static readonly Permission ModeratePetitions = new("ModeratePetitions", "Publish and reject petitions", "Petitions");
    public static readonly Permission AnswerPetitions = new("AnswerPetitions", "Write and publish official answers to petitions", "Petitions");
    public static readonly Permission ManageSignatures = new("ManagePetitionSignatures", "Inspect and invalidate petition signatures", "Petitions");
    public static readonly Permission ManagePetitionSettings = new("ManagePetitionSettings", "Change the petition settings", "Petitions");

    public IEnumerable<Permission> GetPermissions() => [ModeratePetitions, AnswerPetitions, ManageSignatures, ManagePetitionSettings];

    public IEnumerable<(string Role, Permission Permission)> GetDefaultGrants() =>
    [
        (StandardRoles.Staff, ModeratePetitions),
        (StandardRoles.Staff, AnswerPetitions),
        (StandardRoles.Staff, ManageSignatures),
    ];
}

public sealed class PetitionsAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Petitions", "/admin/petitions", PetitionPermissions.ModeratePetitions, "Petitions", 10),
        new("Petition settings", "/admin/petitions/settings", PetitionPermissions.ManagePetitionSettings, "Petitions", 30),
    ];
}
