using CitizenParticipation.Core.Navigation;

namespace CitizenParticipation.Modules.Registry;

public sealed class RegistryAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        // One entry per page: department officers hold both task permissions and saw the tasks twice. Every
        // standard role that edits tasks may also view them.
        new("Policy tasks", "/admin/registry/tasks", RegistryPermissions.ViewInternalTasks, "Citizen mayor's office", 10),
        new("Outcome inbox", "/admin/registry/outcomes", RegistryPermissions.LinkOutcomes, "Citizen mayor's office", 20),
        new("Department officers", "/admin/registry/officers", RegistryPermissions.ManageRegistry, "Citizen mayor's office", 30),
        new("Import and export", "/admin/registry/transfer", RegistryPermissions.ManageRegistry, "Citizen mayor's office", 40),
    ];
}
