using CitizenParticipation.Core.Navigation;

namespace CitizenParticipation.Modules.Discussion;

public sealed class DiscussionAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Comment moderation", "/admin/discussion/queue", DiscussionPermissions.ViewModerationQueue, "Discussion", 10),
        new("Blocked people", "/admin/discussion/blocks", DiscussionPermissions.ManageModeration, "Discussion", 20),
        new("Moderation log", "/admin/discussion/log", DiscussionPermissions.ManageModeration, "Discussion", 30),
        new("Discussion settings", "/admin/discussion/settings", DiscussionPermissions.ManageModeration, "Discussion", 40),
    ];
}
