namespace Certifications.Domain.Catalog;

/// <summary>One requirement of a certification; all of them must be met to earn it.</summary>
public sealed record Criterion
{
    public required string Id { get; init; }

    public required CriterionKind Kind { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The LMS activity whose completion meets this criterion (content and activity kinds).</summary>
    public string? ExternalActivityId { get; init; }

    /// <summary>The lowest LMS score (0–100) that counts as a completion.</summary>
    public int? MinScore { get; init; }

    /// <summary>The learner uploads evidence that an assessor marks Demonstrated or Not demonstrated.</summary>
    public bool EvidenceRequired { get; init; }

    /// <summary>The skills a coach rates in a live session.</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>The stars (1–5) every skill must reach in a live session.</summary>
    public int? MinStars { get; init; }
}
