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
