using System.Text.Json;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd.Infrastructure;

/// <summary>Runs axe-core on the page and fails on serious or critical violations.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(TestPaths.ProjectDirectory, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"axe-core is missing ({path}): run npm ci in tests/CitizenParticipation.Tests.EndToEnd.");
        }

        return File.ReadAllText(path);
    });

    /// <summary>
    /// Also fails when the browser reported a Content-Security-Policy violation on the page. axe runs without its
    /// CSS preload, which copies imported stylesheets into style elements that the site's policy (rightly) refuses.
    /// </summary>
    public static async Task CheckAsync(IPage page)
    {
        CspMonitor.AssertNone(page);
        // Evaluated through the DevTools protocol: an added script element would be an inline script, which the
        // site's Content-Security-Policy refuses.
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var json = await page.EvaluateAsync<string>(
            """
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'], preload: false });
                return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })));
            }
            """);
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        if (violations.Count > 0)
        {
            Assert.Fail($"axe-core found {violations.Count} serious or critical violation(s) on {page.Url}:\n" +
                        string.Join("\n", violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help}\n    {string.Join("\n    ", v.Nodes)}")));
        }

        CspMonitor.AssertNone(page);
    }

    private sealed record Violation(string Id, string Impact, string Help, List<string> Nodes);
}
