namespace CitizenParticipation.Tests.Integration.Infrastructure;

/// <summary>Accounts that content-recipes/incheon-demo.recipe.json creates.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo!2345";
    public const string Administrator = "admin@incheon.example";
    public const string Staff = "staff@incheon.example";
    public const string TransportOfficer = "officer.transport@incheon.example";
    public const string CommitteeMember = "committee@incheon.example";
    public const string Citizen = "citizen@incheon.example";
    public const string SecondCitizen = "citizen2@incheon.example";
}
