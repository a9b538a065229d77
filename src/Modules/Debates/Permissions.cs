using CitizenParticipation.Core.Security;

namespace CitizenParticipation.Modules.Debates;

public sealed class DebatePermissions : IPermissionProvider
{
    public static readonly Permission Manage = new("ManageDebates", "Decide the debate agenda and run debates (the deliberation committee)", "Debates");
    public static readonly Permission Moderate = new("ModerateDebates", "Hide statements and moderate comments in debates", "Debates");
    public static readonly Permission ManageSettings = new("ManageDebateSettings", "Change the debate settings", "Debates");
    public static readonly Permission RequestAgenda = new("RequestDebateAgenda", "Put a subject before the deliberation committee on behalf of the mayor", "Debates");

    public IEnumerable<Permission> GetPermissions() => [Manage, Moderate, RequestAgenda, ManageSettings];

    public IEnumerable<(string Role, Permission Permission)> GetDefaultGrants() =>
    [
        (StandardRoles.CommitteeMember, Manage),
        (StandardRoles.CommitteeMember, Moderate),
        (StandardRoles.Staff, RequestAgenda),
    ];
}
