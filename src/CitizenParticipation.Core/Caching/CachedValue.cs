using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;

namespace CitizenParticipation.Core.Caching;

/// <summary>
/// A value kept in the site's HybridCache and handed out as the same instance to every reader (marked immutable, so the
/// cache does not copy it through a serializer on each read): whoever caches it never changes it afterwards.
/// </summary>
[ImmutableObject(true)]
public sealed record CachedValue<T>(T Value);

public static class CachedValues
{
    /// <summary>
    /// Kept in this instance's memory only, for <paramref name="lifetime"/>: never serialized, never written to a
    /// distributed cache (a framework part may register one; these values hold geometry and figures that JSON cannot
    /// carry, and other instances learn of changes by expiry, see ADR 9).
    /// </summary>
    public static HybridCacheEntryOptions InMemoryFor(TimeSpan lifetime) => new()
    {
        Expiration = lifetime,
        LocalCacheExpiration = lifetime,
        Flags = HybridCacheEntryFlags.DisableDistributedCache | HybridCacheEntryFlags.DisableCompression,
    };
}
