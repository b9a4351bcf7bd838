namespace Certifications.Domain.Enrollments;

/// <summary>
/// A due date is a calendar day, the same day for everyone who reads it: the day the assigner meant, in the offset they sent
/// it with, due by that day's end in UTC. A date set at the end of 31 March in Berlin is not 1 April in Tokyo.
/// </summary>
public static class DueDates
{
    public static DateTimeOffset EndOf(DateTimeOffset given) => new(given.Year, given.Month, given.Day, 23, 59, 59, TimeSpan.Zero);
}
