using Microsoft.Extensions.Internal;

namespace CitizenParticipation.Core.Caching;

/// <summary>The site's <see cref="TimeProvider"/> in the form the memory cache asks for.</summary>
internal sealed class SiteClock(TimeProvider clock) : ISystemClock
{
    public DateTimeOffset UtcNow => clock.GetUtcNow();
}
