using Certifications.Domain.People;

namespace Certifications.Functions.LiveSessions;

/// <summary>A coach's free starts on one day of their calendar, with the zone and the working hours they were found in.</summary>
public sealed record Availability(DateOnly Date, TimeSpan Length, IReadOnlyList<DateTimeOffset> Starts, string TimeZone, WorkingHours WorkingHours);
