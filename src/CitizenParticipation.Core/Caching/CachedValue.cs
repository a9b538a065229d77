using System.ComponentModel;

namespace CitizenParticipation.Core.Caching;

/// <summary>
/// A value kept in the site's HybridCache and handed out as the same instance to every reader (marked immutable, so the
/// cache does not copy it through a serializer on each read): whoever caches it never changes it afterwards.
/// </summary>
[ImmutableObject(true)]
public sealed record CachedValue<T>(T Value);
