namespace CitizenParticipation.Core.Security;

/// <summary>Claims the site issues at sign-in, named here so that modules read them without referencing the Users module.</summary>
public static class SiteClaimTypes
{
    /// <summary>
    /// The person's display name (<c>User.DisplayName</c>): the name their actions are recorded under.
    /// The user name (<c>ClaimTypes.Name</c>) is the email address and must not be shown in its place.
    /// </summary>
    public const string DisplayName = "cp:display_name";
}
