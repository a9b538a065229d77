using CitizenParticipation.Core.Navigation;

namespace CitizenParticipation.Modules.Debates;

public sealed class DebatesAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Debate agenda", "/admin/debates/agenda", DebatePermissions.Manage, "Debates", 10),
        new("Request a debate", "/admin/debates/agenda/request", DebatePermissions.RequestAgenda, "Debates", 15),
        new("Debate list", "/admin/debates", DebatePermissions.Manage, "Debates", 20),
        new("Debate settings", "/admin/debates/settings", DebatePermissions.ManageSettings, "Debates", 30),
    ];
}
