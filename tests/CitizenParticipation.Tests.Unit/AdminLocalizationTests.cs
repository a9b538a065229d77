using System.Text.Json;
using System.Text.RegularExpressions;

namespace CitizenParticipation.Tests.Unit;

/// <summary>Every text the Admin module shows has a Korean translation (Korean is the default language).</summary>
public sealed partial class AdminLocalizationTests
{
    [GeneratedRegex("""(?:\bT|localizer)(?:\.GetString\(|\[)"((?:[^"\\]|\\.)+)"|(?:\(|, )(?:Name|ErrorMessage) = "((?:[^"\\]|\\.)+)"|new\("([A-Z][^"]+)", "/admin""")]
    private static partial Regex SourceText();

    [Fact]
    public void Every_admin_text_has_a_Korean_translation()
    {
        var module = Path.Combine(RepositoryFolder.Root, "src", "Modules", "Admin");
        var translations = Translations(Path.Combine(module, "Localization", "ko.json"))
            .Concat(Translations(Path.Combine(RepositoryFolder.Root, "src", "CitizenParticipation.Core", "Localization", "ko.json")))
            .ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(module, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var missing = files
            .SelectMany(f => SourceText().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Text: m.Groups.Values.Skip(1).First(g => g.Success).Value)))
            .Where(x => !translations.Contains(Regex.Unescape(x.Text)))
            .Select(x => $"{x.File}: {x.Text}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "No Korean translation in src/Modules/Admin/Localization/ko.json for:\n" + string.Join("\n", missing));
    }

    private static IEnumerable<string> Translations(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!.Keys;
}
