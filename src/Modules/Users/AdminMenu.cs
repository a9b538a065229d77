using CitizenParticipation.Core.Navigation;

namespace CitizenParticipation.Modules.Users;

public sealed class UsersAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("All users", "/admin/users", UsersPermissions.ManageUsers, "Users", 10),
        new("Roles and permissions", "/admin/roles", UsersPermissions.ManageRoles, "Users", 20),
    ];
}
