using System.Text.Json;

namespace CitizenParticipation.Tests.Unit;

/// <summary>
/// Every module's and theme's ko.json feed one table (ADR 3): a source text that two of them translate differently
/// shows whichever was loaded last on every page (the petition form read "과제명", the registry's word for a task's
/// title). A text that means something else in one module gets its own source text there.
/// </summary>
public sealed class TranslationTableTests
{
    [Fact]
    public void No_text_is_translated_two_ways_in_one_file_or_across_files()
    {
        var files = new[] { "src", "themes" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryFolder.Root, folder), "ko.json", SearchOption.AllDirectories))
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Localization" && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count >= 6, "Found only these translation files: " + string.Join(", ", files));

        // Every entry as written, so that a text given twice in one file (the last one silently wins) counts too.
        var clashes = files
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateObject()
                .Select(entry => (Text: entry.Name, Korean: entry.Value.GetString(), File: Path.GetRelativePath(RepositoryFolder.Root, f))))
            .GroupBy(x => x.Text, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Korean).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"\"{g.Key}\": " + string.Join(", ", g.Select(x => $"{x.File} \"{x.Korean}\"")))
            .ToList();

        Assert.True(clashes.Count == 0, "Translated differently in different files:\n" + string.Join("\n", clashes));
    }
}
