using CitizenParticipation.Core.Security;

namespace CitizenParticipation.Modules.Discussion;

public sealed class DiscussionPermissions : IPermissionProvider
{
    /// <summary>Moderates the threads whose owner names it (staff-run threads: proposals, budget projects); a debate names its committee's permission instead.</summary>
    public static readonly Permission ModerateComments = new("ModerateComments", "Moderate comments in staff-run discussions", "Comments");

    /// <summary>Opens the moderation queue; each row there is still checked against its thread's own moderate permission.</summary>
    public static readonly Permission ViewModerationQueue = new("ViewModerationQueue", "See the comment moderation queue", "Comments");

    /// <summary>Administrators only (no role gets it by default): reading the audit log and lifting blocks.</summary>
    public static readonly Permission ManageModeration = new("ManageModeration", "Read the moderation log and unblock people", "Comments");

    public IEnumerable<Permission> GetPermissions() => [ModerateComments, ViewModerationQueue, ManageModeration];

    public IEnumerable<(string Role, Permission Permission)> GetDefaultGrants() =>
    [
        (StandardRoles.Staff, ModerateComments),
        (StandardRoles.Staff, ViewModerationQueue),
        (StandardRoles.CommitteeMember, ViewModerationQueue),
    ];
}
