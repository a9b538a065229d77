using CitizenParticipation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitizenParticipation.Core.Email;

/// <summary>Delivers outbox rows; several instances can run it at once because each row is claimed before it is sent.</summary>
public sealed class OutboxProcessor(SiteDbContext db, IMailTransport transport, TimeProvider clock, IOptions<MailOptions> options, IEnumerable<IMailingSource> mailings, ILogger<OutboxProcessor> logger)
{
    /// <summary>Turns every pending mass mailing into outbox rows, chunk by chunk.</summary>
    public async Task ExpandMailingsAsync(CancellationToken cancellationToken)
    {
        foreach (var source in mailings)
        {
            while (await source.ExpandNextAsync(cancellationToken))
            {
            }
        }
    }

    public async Task<int> ProcessOnceAsync(CancellationToken cancellationToken)
    {
        await ExpandMailingsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(20)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in due)
        {
            var lockUntil = now.AddMinutes(5);
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockUntil), cancellationToken);
            if (claimed == 0)
            {
                continue; // another instance has it
            }

            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            try
            {
                await transport.SendAsync(message, cancellationToken);
                var sentAt = clock.GetUtcNow().UtcDateTime;
                // Not cancelled on shutdown: the message is out, and a row left pending would be sent again.
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Sent)
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var failed = attempts >= options.Value.MaxAttempts;
                var next = now + Backoff(attempts);
                logger.LogWarning(ex, "Email {Id} to outbox attempt {Attempt} failed", id, attempts);
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Pending)
                    .SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LastError, ex.Message.Length > 500 ? ex.Message[..500] : ex.Message)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
            }
        }

        return sent;
    }

    /// <summary>30 s, 1 min, 2 min … capped at one hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}

public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<MailOptions> options, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollIntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The email outbox could not be processed");
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
