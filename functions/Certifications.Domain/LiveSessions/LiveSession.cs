namespace Certifications.Domain.LiveSessions;

/// <summary>Where a live certification session stands (seed 004).</summary>
public enum LiveSessionState
{
    Scheduled,
    LearnerWaiting,
    InCall,
    Ended,
    Rated,
    Cancelled,
    NoShow,
}

/// <summary>A live certification session between a coach and a learner for one live-session criterion.</summary>
public sealed record LiveSession
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string CoachId { get; init; }

    public required string LearnerId { get; init; }

    public required string CertificationId { get; init; }

    public required string CriterionId { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required TimeSpan Length { get; init; }

    public LiveSessionMode Mode { get; init; } = LiveSessionMode.Sync;

    /// <summary>Names as they were when it was scheduled, for invitations and lists without more reads.</summary>
    public string CoachName { get; init; } = string.Empty;

    public string CoachEmail { get; init; } = string.Empty;

    public string LearnerName { get; init; } = string.Empty;

    public string LearnerEmail { get; init; } = string.Empty;

    public string CertificationTitle { get; init; } = string.Empty;

    public string CriterionTitle { get; init; } = string.Empty;

    public DateTimeOffset ScheduledAt { get; init; }

    /// <summary>The coach's report (PDF or DOCX) in Blob Storage, if they uploaded one with the rating.</summary>
    public string? ReportBlob { get; init; }

    public LiveSessionState State { get; init; } = LiveSessionState.Scheduled;

    public DateTimeOffset? JoinedAt { get; init; }

    /// <summary>The calls held, in order: the call type the coach chose and when it started.</summary>
    public IReadOnlyList<LiveSessionCall> Calls { get; init; } = [];

    public DateTimeOffset? EndedAt { get; init; }

    public LiveSessionRating? Rating { get; init; }

    public Slot Slot => new(StartsAt, Length);

    /// <summary>Whether it takes a place in the coach's calendar: synchronous sessions that are not cancelled.</summary>
    public bool OccupiesCalendar => Mode == LiveSessionMode.Sync && State is not (LiveSessionState.Cancelled or LiveSessionState.NoShow);
}

/// <summary>A slot at a set time, or a day within which the learner records and the coach reviews (seed 004).</summary>
public enum LiveSessionMode
{
    Sync,
    Async,
}

/// <summary>One call within a session.</summary>
public sealed record LiveSessionCall(string CallType, DateTimeOffset StartedAt);

/// <summary>The coach's rating of every skill, with comments and feedback, and whether it met the criterion.</summary>
public sealed record LiveSessionRating(IReadOnlyDictionary<string, int> Stars, string? Comments, string? Feedback, bool Met, DateTimeOffset RatedAt);
