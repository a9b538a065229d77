using System.Reflection;

namespace CitizenParticipation.Tests.EndToEnd.Infrastructure;

internal static class TestPaths
{
    private static string? Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    /// <summary>The test project's folder, where npm ci installs axe-core.</summary>
    public static string ProjectDirectory => Metadata("ProjectDirectory") ?? throw new InvalidOperationException("The test assembly lacks its ProjectDirectory metadata.");

    /// <summary>The built site; CP_E2E_WEB_DLL points elsewhere (a published site, say).</summary>
    public static string WebAssembly =>
        Environment.GetEnvironmentVariable("CP_E2E_WEB_DLL") is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Metadata("WebAssembly") ?? throw new InvalidOperationException("The test assembly lacks its WebAssembly metadata.");

    /// <summary>Where screenshots go, for people to look at after a run.</summary>
    public static string Screenshots
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
