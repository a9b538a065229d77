using Microsoft.Playwright;

namespace CitizenParticipation.Tests.EndToEnd.Infrastructure;

public static class PageAssert
{
    public static async Task VisibleAsync(ILocator locator, bool attached = false)
    {
        var count = await locator.CountAsync();
        Assert.True(count > 0, $"Nothing matches {locator}.");
        if (!attached)
        {
            Assert.True(await locator.First.IsVisibleAsync(), $"{locator} is not visible.");
        }
    }
}

public static class PageExtensions
{
    /// <summary>Clicks (a form's submit button, say) and waits for the new document to load.</summary>
    public static async Task ClickAndWaitForLoadAsync(this IPage page, ILocator locator)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage e) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await locator.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }
}
