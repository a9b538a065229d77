using CitizenParticipation.Core.Navigation;
using CitizenParticipation.Core.Security;

namespace CitizenParticipation.Modules.Admin;

public sealed class AdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Dashboard", "/admin", CorePermissions.AccessAdmin, "Site", 0),
        new("Site settings", "/admin/settings", AdminPermissions.ManageSettings, "Site", 10),
        new("Recipes", "/admin/recipes", AdminPermissions.RunRecipes, "Site", 20),
        new("Regions", "/admin/regions", AdminPermissions.ManageReferenceData, "Reference data", 10),
        new("Policy fields", "/admin/policy-fields", AdminPermissions.ManageReferenceData, "Reference data", 20),
        new("Departments", "/admin/departments", AdminPermissions.ManageReferenceData, "Reference data", 30),
    ];
}
