using CitizenParticipation.Core.Security;

namespace CitizenParticipation.Modules.Admin;

/// <summary>Only administrators hold these by default; they may grant them to other roles.</summary>
public sealed class AdminPermissions : IPermissionProvider
{
    public static readonly Permission ManageSettings = new("ManageSettings", "Edit the site settings", "Admin");
    public static readonly Permission RunRecipes = new("RunRecipes", "Run setup recipes", "Admin");
    public static readonly Permission ManageReferenceData = new("ManageReferenceData", "Manage regions, policy fields and departments", "Admin");

    public IEnumerable<Permission> GetPermissions() => [ManageSettings, RunRecipes, ManageReferenceData];
}
