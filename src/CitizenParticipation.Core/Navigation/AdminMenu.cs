using CitizenParticipation.Core.Security;

namespace CitizenParticipation.Core.Navigation;

/// <summary>An entry in the admin navigation; <see cref="Text"/> is a localisable source text.</summary>
public sealed record AdminMenuItem(string Text, string Url, Permission Permission, string Group = "Site", int Order = 100);

public interface IAdminMenuProvider
{
    IEnumerable<AdminMenuItem> GetItems();
}
