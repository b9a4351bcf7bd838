using Certifications.Functions.People;

namespace Certifications.Functions.LiveSessions;

/// <summary>
/// The free starts of a coach's day for a session of the given length; the day and the working hours are the coach's,
/// in their time zone (UTC until they set one).
/// </summary>
public sealed record AvailabilityResponse(
    DateOnly? Date, int DurationMinutes, IReadOnlyList<DateTimeOffset> Starts, string TimeZone, WorkingHoursText WorkingHours)
{
    public static AvailabilityResponse From(Availability a) =>
        new(a.Date, (int)a.Length.TotalMinutes, a.Starts, a.TimeZone, WorkingHoursText.Of(a.WorkingHours));
}
