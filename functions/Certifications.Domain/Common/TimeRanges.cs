namespace Certifications.Domain.Common;

/// <summary>
/// How far from now a time a request carries may lie. Every date is checked against one of these before anything adds
/// to it, so no request reaches DateTimeOffset's ends (year 1 or 9999), where adding a day throws.
/// </summary>
public static class TimeRanges
{
    /// <summary>A due date or a certificate's expiry: programs are planned years ahead, not centuries.</summary>
    public static readonly TimeSpan PlanningHorizon = TimeSpan.FromDays(10 * 366);

    /// <summary>A coach's calendar: sessions are booked up to a year ahead.</summary>
    public static readonly TimeSpan CalendarHorizon = TimeSpan.FromDays(366);

    /// <summary>How far back an outside system may date what happened (an LMS catching up on old completions).</summary>
    public static readonly TimeSpan HistoryHorizon = TimeSpan.FromDays(20 * 366);

    /// <summary>Clocks of other systems run a little ahead; a completion "from the future" within this is taken as now.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Adds a message unless <paramref name="value"/> lies after now and no further than <paramref name="horizon"/> ahead.</summary>
    public static void RequireAhead(this FieldErrors errors, string field, DateTimeOffset value, DateTimeOffset now, TimeSpan horizon)
    {
        if (value <= now)
        {
            errors.Add(field, "must be in the future.");
        }
        else if (value - now > horizon)
        {
            errors.Add(field, $"must be within {Days(horizon)} days from now.");
        }
    }

    /// <summary>Adds a message unless <paramref name="value"/> lies in the past (allowing for skew) and no further back than the history horizon.</summary>
    public static void RequirePast(this FieldErrors errors, string field, DateTimeOffset value, DateTimeOffset now)
    {
        if (value - now > ClockSkew)
        {
            errors.Add(field, "must not be in the future.");
        }
        else if (now - value > HistoryHorizon)
        {
            errors.Add(field, $"must be within the last {Days(HistoryHorizon)} days.");
        }
    }

    /// <summary>Adds a message unless <paramref name="value"/> lies within <paramref name="horizon"/> of now, either way.</summary>
    public static void RequireNear(this FieldErrors errors, string field, DateTimeOffset value, DateTimeOffset now, TimeSpan horizon)
    {
        if ((value - now).Duration() > horizon)
        {
            errors.Add(field, $"must be within {Days(horizon)} days of today.");
        }
    }

    /// <summary>Adds a message unless the whole number lies in [min, max].</summary>
    public static int? RequireRange(this FieldErrors errors, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add(field, $"must be {min} to {max}.");
            return null;
        }

        return value;
    }

    private static int Days(TimeSpan span) => (int)span.TotalDays;
}
