namespace CitizenParticipation.Core.Navigation;

/// <summary>A participation section in the site's main menu and on the home page; texts are localisable source texts.</summary>
public sealed record MainMenuItem(string Title, string Description, string Url, int Order = 100);

/// <summary>A module that citizens visit declares its section, so the menu lists only installed modules.</summary>
public interface IMainMenuProvider
{
    IEnumerable<MainMenuItem> GetItems();
}

/// <summary>The sections every installed module declared, in menu order.</summary>
public sealed class ParticipationSections(IEnumerable<IMainMenuProvider> providers)
{
    public IReadOnlyList<MainMenuItem> Available { get; } =
        providers.SelectMany(p => p.GetItems()).OrderBy(i => i.Order).ThenBy(i => i.Url, StringComparer.Ordinal).ToList();
}
