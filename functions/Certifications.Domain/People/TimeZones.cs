using Certifications.Domain.Common;

namespace Certifications.Domain.People;

/// <summary>Time zones as people set them: IANA names ("Asia/Tokyo"), the form browsers report and calendars understand.</summary>
public static class TimeZones
{
    /// <summary>The longest IANA name is 32 characters ("America/Argentina/ComodRivadavia"); a little room beyond it.</summary>
    public const int MaxLength = 40;

    /// <summary>The zone of a person who has set none: times are written in UTC and say so.</summary>
    public static TimeZoneInfo Of(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The IANA name, or an error on the field; Windows names ("Tokyo Standard Time") are refused so one zone has one name.</summary>
    public static string? Validate(FieldErrors errors, string field, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        if (id.Length > MaxLength || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) || !zone.HasIanaId
            || !string.Equals(zone.Id, id, StringComparison.Ordinal))
        {
            errors.Add(field, "must be an IANA time zone such as Europe/Berlin or Asia/Tokyo.");
            return null;
        }

        return id;
    }

    /// <summary>
    /// The instant a wall-clock time of the zone names. A time skipped by a move to summer time (02:30 on that night)
    /// is read as the same time after the move; a time that happens twice (the night back) as its first occurrence.
    /// </summary>
    public static DateTimeOffset Instant(DateTime wallClock, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The gap is the move itself: an hour almost everywhere, half an hour on Lord Howe Island.
            local += zone.GetUtcOffset(local.AddHours(6)) - zone.GetUtcOffset(local.AddHours(-6));
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>How a message names the zone its times are in: "Asia/Tokyo (UTC+09:00)", or "UTC".</summary>
    public static string Label(TimeZoneInfo zone, DateTimeOffset at)
    {
        if (zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC")
        {
            return "UTC";
        }

        var offset = zone.GetUtcOffset(at);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{zone.Id} (UTC{sign}{offset.Duration():hh\\:mm})";
    }
}
