namespace CitizenParticipation.Core.Security;

public sealed class CorePermissions : IPermissionProvider
{
    public static readonly Permission AccessAdmin = new("AccessAdmin", "Access the admin dashboard", "Admin");

    public IEnumerable<Permission> GetPermissions() => [AccessAdmin];

    public IEnumerable<(string Role, Permission Permission)> GetDefaultGrants() =>
    [
        (StandardRoles.Staff, AccessAdmin),
        (StandardRoles.DepartmentOfficer, AccessAdmin),
        (StandardRoles.CommitteeMember, AccessAdmin),
    ];
}
