using CitizenParticipation.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

public static class SiteFactoryExtensions
{
    /// <summary>Runs <paramref name="action"/> with the site's services in a fresh scope and returns its result.</summary>
    public static async Task<T> WithServicesAsync<T>(this SiteFactory site, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>
    /// Waits until the site's event dispatcher has handled every event due now (it runs in the background, after
    /// the commit of the change that raised them); fails saying which are left after <paramref name="timeout"/>.
    /// </summary>
    public static async Task EventsHandledAsync(this SiteFactory site, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var clock = site.Services.GetRequiredService<TimeProvider>();
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var left = await site.WithDbAsync(db => db.OutboxEvents.AsNoTracking()
                .Where(e => e.Status == OutboxEventStatus.Pending && e.NextAttemptAt <= now)
                .Select(e => $"{e.Id} {e.Type} attempts {e.Attempts}: {e.LastError}").ToListAsync());
            if (left.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The site's event dispatcher did not handle these events in time:\n" + string.Join("\n", left));
            }

            await Task.Delay(50);
        }
    }
}
