using System.Globalization;

namespace CitizenParticipation.Core.Localization;

/// <summary>
/// Times as the site shows them: Korea Standard Time (UTC+9, no daylight saving), whatever the server's own zone.
/// The database keeps UTC; pages, emails and dates typed into forms are in Korean time.
/// </summary>
public static class KoreaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + Offset, DateTimeKind.Unspecified);

    /// <summary>2026-11-27</summary>
    public static string Date(DateTime? utc) => utc is { } t ? FromUtc(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    /// <summary>2026-11-27 18:05</summary>
    public static string DateAndTime(DateTime? utc) => utc is { } t ? FromUtc(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    public static string Date(DateTimeOffset? moment) => Date(moment?.UtcDateTime);

    public static string DateAndTime(DateTimeOffset? moment) => DateAndTime(moment?.UtcDateTime);

    /// <summary>Today's date in Korea.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));
}
