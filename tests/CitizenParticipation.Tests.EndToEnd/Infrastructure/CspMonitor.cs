using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd.Infrastructure;

/// <summary>
/// Records every Content-Security-Policy violation the browser reports on a page (the DOM event and the console
/// message), so that a page whose script, style or image the policy blocks fails its test. Playwright's own
/// scripts (this monitor, axe-core) run through the DevTools protocol, which the policy does not govern.
/// </summary>
public static class CspMonitor
{
    private static readonly ConcurrentDictionary<IPage, ConcurrentQueue<string>> Reports = new();

    public static async Task WatchAsync(IBrowserContext context)
    {
        await context.ExposeBindingAsync("__cpCspViolation", (BindingSource source, string text) => Record(source.Page, text));
        await context.AddInitScriptAsync(
            """
            document.addEventListener('securitypolicyviolation', e =>
                window.__cpCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`));
            """);
        context.Page += (_, page) => page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                Record(page, message.Text);
            }
        };
    }

    public static IReadOnlyList<string> Of(IPage page) => Reports.TryGetValue(page, out var list) ? list.ToList() : [];

    public static void Clear(IPage page) => Reports.TryRemove(page, out _);

    public static void AssertNone(IPage page)
    {
        var found = Of(page);
        Assert.True(found.Count == 0, $"The browser reported {found.Count} Content-Security-Policy violation(s) on {page.Url}:\n" + string.Join("\n", found));
    }

    private static void Record(IPage? page, string text)
    {
        if (page is not null)
        {
            Reports.GetOrAdd(page, _ => new ConcurrentQueue<string>()).Enqueue(text);
        }
    }
}
