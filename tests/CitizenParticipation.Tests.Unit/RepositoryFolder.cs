namespace CitizenParticipation.Tests.Unit;

/// <summary>The checkout the tests run from, for the tests that read its source files.</summary>
internal static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CitizenParticipation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CitizenParticipation.sln) was not found above " + AppContext.BaseDirectory);
    }
}
