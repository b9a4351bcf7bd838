namespace Certifications.Functions.LiveSessions;

/// <summary>The free starts of a coach's day for a session of the given length.</summary>
public sealed record AvailabilityResponse(DateOnly? Date, int DurationMinutes, IReadOnlyList<DateTimeOffset> Starts);
