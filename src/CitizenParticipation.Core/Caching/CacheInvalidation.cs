using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CitizenParticipation.Core.Caching;

/// <summary>
/// An in-memory cache that must forget what it holds when certain entities are saved. Register it as
/// <c>services.AddSingleton&lt;ICacheInvalidator&gt;(...)</c>; every save through the site's DbContext
/// that adds, changes or deletes a watched entity invalidates it before the write and again once the
/// write is visible to others (after the save, or after the commit of the surrounding transaction).
/// Other instances of the site are not told: such caches keep entries briefly.
/// </summary>
public interface ICacheInvalidator
{
    bool Watches(object entity);

    void Invalidate();
}

internal sealed class CacheInvalidationInterceptor(IEnumerable<ICacheInvalidator> invalidators) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, HashSet<ICacheInvalidator>> Pending = new();
    private readonly ICacheInvalidator[] _invalidators = invalidators.ToArray();

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
        if (context is null || _invalidators.Length == 0)
        {
            return;
        }

        HashSet<ICacheInvalidator>? touched = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            foreach (var invalidator in _invalidators)
            {
                if (invalidator.Watches(entry.Entity))
                {
                    (touched ??= []).Add(invalidator);
                }
            }
        }

        if (touched is null)
        {
            return;
        }

        // Before the write as well as after: a reader in between must not keep the old value (see the caches' generations).
        foreach (var invalidator in touched)
        {
            invalidator.Invalidate();
        }

        var pending = Pending.GetOrCreateValue(context);
        lock (pending)
        {
            pending.UnionWith(touched);
        }
    }

    private static void Done(DbContext? context)
    {
        // Inside a transaction the change is visible to others only once committed.
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Ended(context);
        }
    }

    internal static void Ended(DbContext? context)
    {
        if (context is null || !Pending.TryGetValue(context, out var pending))
        {
            return;
        }

        Pending.Remove(context);
        lock (pending)
        {
            foreach (var invalidator in pending)
            {
                invalidator.Invalidate();
            }
        }
    }
}

internal sealed class CacheInvalidationTransactionInterceptor : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => CacheInvalidationInterceptor.Ended(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CacheInvalidationInterceptor.Ended(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => CacheInvalidationInterceptor.Ended(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CacheInvalidationInterceptor.Ended(eventData.Context);
        return Task.CompletedTask;
    }
}
