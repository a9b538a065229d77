using CitizenParticipation.Core.Navigation;

namespace CitizenParticipation.Modules.Registry;

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
