using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CitizenParticipation.Modules.Registry.Services;

/// <summary>
/// Briefly keeps the public dashboard's figures. Any saved change to tasks, their regions, their
/// timelines or the reference data starts a new generation in this instance at once; other instances
/// of the site see it when their entries expire, hence the short lifetime.
/// </summary>
public sealed class DashboardCache(IOptions<RegistryOptions> options) : ICacheInvalidator, IDisposable
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(0, options.Value.DashboardCacheSeconds));

    // Its own bounded cache: a visitor walking through every filter and page cannot make it grow without end.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 1024 });
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public bool Watches(object entity) => entity is PolicyTask or PolicyTaskRegion or TaskActivity or Region or PolicyField;

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
