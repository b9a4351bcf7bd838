using System.Globalization;
using Certifications.Domain.Common;

namespace Certifications.Domain.People;

/// <summary>
/// The part of a day, in a person's own time zone, in which a coach takes live sessions. Stored as wall-clock times, not
/// instants, so 09:00 stays 09:00 across a change to or from summer time.
/// </summary>
public sealed record WorkingHours(TimeOnly From, TimeOnly To)
{
    /// <summary>What a coach who has set nothing is offered: an office day.</summary>
    public static readonly WorkingHours Default = new(new TimeOnly(9, 0), new TimeOnly(17, 0));

    /// <summary>The grid live sessions start on; working hours start and end on it too.</summary>
    public static readonly TimeSpan Grid = TimeSpan.FromMinutes(15);

    /// <summary>The stretch these hours cover on the given day of the zone's calendar, as instants.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) On(DateOnly date, TimeZoneInfo zone) =>
        (TimeZones.Instant(date.ToDateTime(From), zone), TimeZones.Instant(date.ToDateTime(To), zone));

    /// <summary>Working hours from "HH:mm" texts: each on the quarter-hour grid, the end after the start.</summary>
    public static WorkingHours? Validate(FieldErrors errors, string field, string? from, string? to)
    {
        var start = TimeOf(errors, $"{field}.from", from);
        var end = TimeOf(errors, $"{field}.to", to);
        if (start is null || end is null)
        {
            return null;
        }

        if (end <= start)
        {
            errors.Add($"{field}.to", "must be after the start of the working hours.");
            return null;
        }

        return new WorkingHours(start.Value, end.Value);
    }

    /// <summary>"09:00-17:00": how the hours are stored.</summary>
    public override string ToString() => $"{Text(From)}-{Text(To)}";

    /// <summary>Hours stored by <see cref="ToString"/>; null for none or anything else.</summary>
    public static WorkingHours? Parse(string? stored)
    {
        var parts = stored?.Split('-');
        return parts is [var from, var to]
            && TimeOnly.TryParseExact(from, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(to, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            && end > start
                ? new WorkingHours(start, end)
                : null;
    }

    /// <summary>"HH:mm", as the API writes these times.</summary>
    public static string Text(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TimeOnly? TimeOf(FieldErrors errors, string field, string? text)
    {
        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add(field, "must be a time of day as HH:mm.");
            return null;
        }

        if (time.Ticks % Grid.Ticks != 0)
        {
            errors.Add(field, "must be on the quarter hour (:00, :15, :30 or :45).");
            return null;
        }

        return time;
    }
}
