using CitizenParticipation.Core.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Core.Events;

/// <summary>
/// Wakes the dispatcher as soon as this instance saves an event; events saved by other instances wait for the next
/// poll. It rides on the cache invalidation interceptor, which calls it when an <see cref="OutboxEvent"/> is written
/// and again once the write is visible (after the save, or after the commit of its transaction).
/// </summary>
public sealed class EventSignal : ICacheInvalidator
{
    private readonly SemaphoreSlim _raised = new(0, 1);

    public bool Watches(object entity) => entity is OutboxEvent;

    public void Invalidate()
    {
        if (_raised.CurrentCount == 0)
        {
            try
            {
                _raised.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _raised.WaitAsync(timeout, cancellationToken);
}

public sealed class EventDispatchService(EventDispatcher dispatcher, EventSignal signal, IConfiguration configuration, ILogger<EventDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Events:PollIntervalSeconds", 2)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchAllDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The event outbox could not be processed");
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
