using CitizenParticipation.Core.Navigation;
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

public sealed class RegistryAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Policy tasks", "/admin/registry/tasks", RegistryPermissions.ViewInternalTasks, "Policy tasks", 10),
        new("Policy tasks", "/admin/registry/tasks", RegistryPermissions.EditOwnDepartmentTasks, "Policy tasks", 10),
        new("Outcome inbox", "/admin/registry/outcomes", RegistryPermissions.LinkOutcomes, "Policy tasks", 20),
        new("Department officers", "/admin/registry/officers", RegistryPermissions.ManageRegistry, "Policy tasks", 30),
        new("Import and export", "/admin/registry/transfer", RegistryPermissions.ManageRegistry, "Policy tasks", 40),
    ];
}
