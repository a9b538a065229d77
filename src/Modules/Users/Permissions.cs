using CitizenParticipation.Core.Security;

namespace CitizenParticipation.Modules.Users;

public sealed class UsersPermissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = new("ManageUsers", "Manage user accounts and their roles", "Users");
    public static readonly Permission VerifyResidents = new("VerifyResidents", "Mark users as verified residents", "Users");
    public static readonly Permission ManageRoles = new("ManageRoles", "Grant and revoke the permissions of roles", "Users");

    public IEnumerable<Permission> GetPermissions() => [ManageUsers, VerifyResidents, ManageRoles];

    public IEnumerable<(string Role, Permission Permission)> GetDefaultGrants() =>
    [
        (StandardRoles.Staff, VerifyResidents),
    ];
}
