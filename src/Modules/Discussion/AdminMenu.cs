using CitizenParticipation.Core.Navigation;

namespace CitizenParticipation.Modules.Discussion;

public sealed class DiscussionAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Comment moderation", "/admin/discussion/queue", DiscussionPermissions.ViewModerationQueue, "Comments", 10),
        new("Blocked people", "/admin/discussion/blocks", DiscussionPermissions.ManageModeration, "Comments", 20),
        new("Moderation log", "/admin/discussion/log", DiscussionPermissions.ManageModeration, "Comments", 30),
        new("Comment settings", "/admin/discussion/settings", DiscussionPermissions.ManageModeration, "Comments", 40),
    ];
}
