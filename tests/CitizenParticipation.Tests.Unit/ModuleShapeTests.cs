using System.Text.RegularExpressions;

namespace CitizenParticipation.Tests.Unit;

/// <summary>
/// Every module has the shape docs/modules.md describes: the same folders and root files, and one file per use case in
/// Features, named after its request, holding its validator and handler.
/// </summary>
public sealed partial class ModuleShapeTests
{
    private static readonly string[] Folders =
        ["Domain", "Data", "Features", "Services", "Controllers", "Recipes", "Areas", "Localization", "wwwroot", "TagHelpers", "bin", "obj"];

    private static readonly string[] RootFiles = ["Manifest.cs", "Startup.cs", "Permissions.cs", "AdminMenu.cs", "MainMenu.cs", "Labels.cs"];

    public static TheoryData<string> Modules() => new(Directory.GetDirectories(Path.Combine(RepositoryFolder.Root, "src", "Modules")).Select(Path.GetFileName).OfType<string>().Order());

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_has_only_the_shared_folders_and_root_files(string module)
    {
        var folder = Path.Combine(Path.Combine(RepositoryFolder.Root, "src", "Modules"), module);
        var strangers = Directory.GetDirectories(folder).Select(Path.GetFileName).Where(d => !Folders.Contains(d))
            .Concat(Directory.GetFiles(folder).Select(Path.GetFileName)
                .Where(f => !RootFiles.Contains(f) && f != $"CitizenParticipation.Modules.{module}.csproj" && !(f!.EndsWith("Options.cs", StringComparison.Ordinal))))
            .ToList();

        Assert.True(strangers.Count == 0, $"{module} has folders or files that docs/modules.md does not name: {string.Join(", ", strangers)}");
        Assert.True(File.Exists(Path.Combine(folder, "Manifest.cs")) && File.Exists(Path.Combine(folder, "Startup.cs")), $"{module} lacks Manifest.cs or Startup.cs.");
    }

    [GeneratedRegex(@"^(?:public|internal)\s+(?:sealed\s+|static\s+|abstract\s+|partial\s+)*(?:class|record)\s+(\w+)[^\n{;]*?:\s*[^\n{;]*\b(?:IRequest|ICommand|INotification)\b", RegexOptions.Multiline)]
    private static partial Regex RequestDeclaration();

    [GeneratedRegex(@"^(?:public|internal)\s+(?:sealed\s+|static\s+|abstract\s+|partial\s+)*class\s+(\w+?)(Handler|Validator)\b", RegexOptions.Multiline)]
    private static partial Regex HandlerDeclaration();

    [Theory]
    [MemberData(nameof(Modules))]
    public void Each_use_case_has_one_file_named_after_its_request_with_its_validator_and_handler(string module)
    {
        var features = Path.Combine(Path.Combine(RepositoryFolder.Root, "src", "Modules"), module, "Features");
        var wrong = new List<string>();
        if (!Directory.Exists(features))
        {
            // A module begun with its domain alone has no use case yet.
            return;
        }

        foreach (var file in Directory.GetFiles(features, "*.cs", SearchOption.AllDirectories))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var text = File.ReadAllText(file);
            var requests = RequestDeclaration().Matches(text).Select(m => m.Groups[1].Value).ToList();
            if (requests.Count > 1)
            {
                wrong.Add($"{name}.cs declares {requests.Count} requests: {string.Join(", ", requests)}");
            }
            else if (requests.Count == 1 && requests[0] != name)
            {
                wrong.Add($"{name}.cs declares the request {requests[0]}");
            }

            wrong.AddRange(HandlerDeclaration().Matches(text).Select(m => m.Groups[1].Value)
                .Where(request => request != name && requests.Count > 0)
                .Select(request => $"{name}.cs holds the handler or validator of {request}"));
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
