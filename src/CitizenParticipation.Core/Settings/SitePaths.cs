namespace CitizenParticipation.Core;

/// <summary>Where the site keeps its files: the SQLite database, written mail, uploads.</summary>
public sealed class SitePaths(string appData)
{
    public string AppData { get; } = appData;
}
