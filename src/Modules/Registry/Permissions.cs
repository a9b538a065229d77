using CitizenParticipation.Core.Security;

namespace CitizenParticipation.Modules.Registry;

public sealed class RegistryPermissions : IPermissionProvider
{
    public static readonly Permission ViewInternalTasks = new("ViewInternalTasks", "View internal policy tasks, entries and staff comments", "Policy tasks");
    public static readonly Permission EditOwnDepartmentTasks = new("EditOwnDepartmentTasks", "Edit the policy tasks of one's own department", "Policy tasks");
    public static readonly Permission EditAllTasks = new("EditAllTasks", "Edit every policy task", "Policy tasks");
    public static readonly Permission ManageRegistry = new("ManageRegistry", "Manage officer assignments and import policy tasks", "Policy tasks");
    public static readonly Permission LinkOutcomes = new("LinkOutcomes", "Link participation outcomes to policy tasks", "Policy tasks");

    public IEnumerable<Permission> GetPermissions() => [ViewInternalTasks, EditOwnDepartmentTasks, EditAllTasks, ManageRegistry, LinkOutcomes];

    public IEnumerable<(string Role, Permission Permission)> GetDefaultGrants() =>
    [
        (StandardRoles.Staff, ViewInternalTasks),
        (StandardRoles.Staff, LinkOutcomes),
        (StandardRoles.DepartmentOfficer, EditOwnDepartmentTasks),
        (StandardRoles.DepartmentOfficer, ViewInternalTasks),
    ];
}
