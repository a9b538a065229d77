using System.Runtime.CompilerServices;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CitizenParticipation.Modules.Registry.Caching;

/// <summary>
/// Briefly keeps the public dashboard's figures. Any saved change to tasks, their regions, their
/// timelines or the reference data starts a new generation in this instance at once; other instances
/// of the site see it when their entries expire, hence the short lifetime.
/// </summary>
public sealed class DashboardCache(IOptions<RegistryOptions> options) : IDisposable
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(0, options.Value.DashboardCacheSeconds));

    // Its own bounded cache: a visitor walking through every filter and page cannot make it grow without end.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 1024 });
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<T> GetOrCreateAsync<T>(string key, Func<Task<T>> create)
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return await create();
        }

        var fullKey = $"{Generation}|{key}";
        if (_cache.TryGetValue(fullKey, out T? cached) && cached is not null)
        {
            return cached;
        }

        var generation = Generation;
        var value = await create();
        // A change saved while we were reading would otherwise be hidden behind the new value.
        if (generation == Generation)
        {
            _cache.Set(fullKey, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _lifetime, Size = 1 });
        }

        return value;
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>Starts a new dashboard generation whenever a save touches what the dashboard shows.</summary>
internal sealed class DashboardCacheInterceptor(DashboardCache cache) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var relevant = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is PolicyTask or PolicyTaskRegion or TaskActivity or Region or PolicyField);
        if (relevant)
        {
            // Before and after the write: a reader in between caches nothing (see GetOrCreateAsync).
            cache.Invalidate();
            Pending.AddOrUpdate(context, true);
        }
    }

    private void Done(DbContext? context)
    {
        // Inside a transaction the change is visible to others only once committed.
        if (context is not null && context.Database.CurrentTransaction is null && Pending.Remove(context))
        {
            cache.Invalidate();
        }
    }

    internal void Ended(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            cache.Invalidate();
        }
    }
}

internal sealed class DashboardCacheTransactionInterceptor(DashboardCacheInterceptor saves) : DbTransactionInterceptor
{
    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => saves.Ended(eventData.Context);

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        saves.Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => saves.Ended(eventData.Context);

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        saves.Ended(eventData.Context);
        return Task.CompletedTask;
    }
}
