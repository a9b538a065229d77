namespace CitizenParticipation.Core.Security;

/// <summary>A right that administrators grant to roles. <paramref name="Description"/> is a localisable text.</summary>
public sealed record Permission(string Name, string Description, string Group);

/// <summary>A module declares its permissions by registering one of these.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();

    /// <summary>Permissions each standard role gets when a site is set up.</summary>
    IEnumerable<(string Role, Permission Permission)> GetDefaultGrants() => [];
}

public static class StandardRoles
{
    public const string Citizen = "Citizen";
    public const string CommitteeMember = "CommitteeMember";
    public const string Staff = "Staff";
    public const string DepartmentOfficer = "DepartmentOfficer";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Citizen, CommitteeMember, Staff, DepartmentOfficer, Administrator];
}
