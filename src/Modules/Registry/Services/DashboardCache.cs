using CitizenParticipation.Core.Caching;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CitizenParticipation.Modules.Registry.Services;

/// <summary>
/// Briefly keeps the public dashboard's figures in the site's <see cref="HybridCache"/>. Any saved change to tasks, their
/// regions, their timelines or the reference data starts a new generation in this instance at once (a figure read while
/// the change was being saved lands under the old generation's key and is never served); other instances of the site
/// see it when their entries expire, hence the short lifetime. Callers give keys made only of values a visitor can
/// choose from the page (known codes, the first pages), so a visitor walking every filter cannot make it grow
/// without end.
/// </summary>
public sealed class DashboardCache(HybridCache cache, IOptions<RegistryOptions> options) : ICacheInvalidator
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(0, options.Value.DashboardCacheSeconds));
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public bool Watches(object entity) => entity is PolicyTask or PolicyTaskRegion or TaskActivity or Region or PolicyField;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<T> GetOrCreateAsync<T>(string key, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken)
        where T : class
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return await create(cancellationToken);
        }

        var entry = CachedValues.InMemoryFor(_lifetime);
        var held = await cache.GetOrCreateAsync($"registry:dashboard:{Generation}|{key}", create,
            static async (load, token) => new CachedValue<T>(await load(token)), entry, cancellationToken: cancellationToken);
        return held.Value;
    }
}
