using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;

namespace CitizenParticipation.Core.Caching;

/// <summary>
/// One value kept in the site's <see cref="HybridCache"/> for a short time and dropped at once when a watched entity
/// is saved in this instance. The key carries a generation that every save (and every expiry) moves on: a value read
/// while a change was being saved lands under the old key, which nobody asks for again, so it never hides the change.
/// The cache's stampede protection makes a cold key load once however many requests ask at the same moment.
/// </summary>
public abstract class GenerationCache<T> : ICacheInvalidator
    where T : class
{
    private readonly HybridCache _cache;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;
    private readonly HybridCacheEntryOptions _options;
    private readonly string _name;
    private long _generation;
    private Key _key;
    private Loaded? _last;

    protected GenerationCache(HybridCache cache, TimeProvider clock, TimeSpan lifetime)
    {
        _cache = cache;
        _clock = clock;
        _lifetime = lifetime;
        // Freshness is judged here on the site's clock as well, whatever clock the cache's memory runs on.
        _options = CachedValues.InMemoryFor(lifetime);
        _name = GetType().FullName!;
        _key = new Key(0, $"{_name}:0");
    }

    public abstract bool Watches(object entity);

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async ValueTask<T> GetAsync(CancellationToken cancellationToken = default)
    {
        var generation = Interlocked.Read(ref _generation);
        var loaded = await FetchAsync(generation, cancellationToken);
        if (_clock.GetUtcNow() - loaded.At >= _lifetime)
        {
            // Expired: the next generation is read once, by whichever reader gets there first; the others wait for it.
            Interlocked.CompareExchange(ref _generation, generation + 1, generation);
            loaded = await FetchAsync(Interlocked.Read(ref _generation), cancellationToken);
        }

        Volatile.Write(ref _last, loaded);
        return loaded.Value;
    }

    /// <summary>
    /// For callers that cannot wait (the rate limiter's partitioning): the value at once while it is fresh; while a new
    /// one is being read, the one read before, instead of a thread blocked on the read (under a burst of requests
    /// right after a save, blocked threads would starve the pool that runs the read). Only the very first read waits.
    /// </summary>
    public T GetNow()
    {
        var pending = GetAsync();
        if (pending.IsCompletedSuccessfully)
        {
            return pending.Result;
        }

        var reading = pending.AsTask();
        if (Volatile.Read(ref _last) is { } previous)
        {
            _ = reading.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return previous.Value;
        }

        return reading.GetAwaiter().GetResult();
    }

    private ValueTask<Loaded> FetchAsync(long generation, CancellationToken cancellationToken) =>
        _cache.GetOrCreateAsync(KeyOf(generation), this,
            static async (self, token) => new Loaded(await self.LoadAsync(token), self._clock.GetUtcNow()),
            _options, cancellationToken: cancellationToken);

    protected abstract Task<T> LoadAsync(CancellationToken cancellationToken);

    private string KeyOf(long generation)
    {
        var key = Volatile.Read(ref _key);
        if (key.Generation == generation)
        {
            return key.Text;
        }

        key = new Key(generation, $"{_name}:{generation}");
        Volatile.Write(ref _key, key);
        return key.Text;
    }

    private sealed record Key(long Generation, string Text);

    /// <summary>Marked immutable so that the cache hands out the instance itself instead of a serialized copy.</summary>
    [ImmutableObject(true)]
    private sealed record Loaded(T Value, DateTimeOffset At);
}
