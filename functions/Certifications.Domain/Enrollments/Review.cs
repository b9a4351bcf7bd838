namespace Certifications.Domain.Enrollments;

/// <summary>An assessor's verdict on one criterion.</summary>
public enum ReviewDecision
{
    Demonstrated,
    NotDemonstrated,
}

/// <summary>A recorded assessment of one criterion by a coach or admin.</summary>
public sealed record Review
{
    public required string CriterionId { get; init; }

    public required string ReviewerId { get; init; }

    public required string ReviewerName { get; init; }

    public required ReviewDecision Decision { get; init; }

    /// <summary>Optional star rating, 1–5.</summary>
    public int? Rating { get; init; }

    public string? Feedback { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>For a live session's rating: the stars per skill, and the session they were given in.</summary>
    public IReadOnlyDictionary<string, int>? SkillStars { get; init; }

    public string? LiveSessionId { get; init; }

    /// <summary>Whether another review says the same thing: a retried or double-clicked decision.</summary>
    public bool SaysTheSameAs(Review other) =>
        CriterionId == other.CriterionId && ReviewerId == other.ReviewerId && Decision == other.Decision
        && Rating == other.Rating && string.Equals(Feedback, other.Feedback, StringComparison.Ordinal);
}
