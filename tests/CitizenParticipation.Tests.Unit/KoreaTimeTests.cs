using CitizenParticipation.Core.Localization;
using Microsoft.Extensions.Time.Testing;

namespace CitizenParticipation.Tests.Unit;

public sealed class KoreaTimeTests
{
    [Fact]
    public void Times_are_shown_nine_hours_ahead_of_UTC_whatever_the_servers_zone()
    {
        var lateEveningUtc = new DateTime(2026, 11, 27, 16, 30, 0, DateTimeKind.Utc);

        Assert.Equal("2026-11-28", KoreaTime.Date(lateEveningUtc));
        Assert.Equal("2026-11-28 01:30", KoreaTime.DateAndTime(lateEveningUtc));
        Assert.Equal("2026-11-28 01:30", KoreaTime.DateAndTime(new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal("", KoreaTime.Date((DateTime?)null));
    }

    [Fact]
    public void Today_turns_at_midnight_in_Korea()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 14, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 12, 31), KoreaTime.Today(clock));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2027, 1, 1), KoreaTime.Today(clock));
    }
}
