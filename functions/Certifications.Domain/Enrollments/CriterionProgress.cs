namespace Certifications.Domain.Enrollments;

/// <summary>Where one criterion stands for one learner.</summary>
public enum CriterionState
{
    NotStarted,

    /// <summary>The learner has added evidence but not yet submitted it.</summary>
    Evidenced,

    /// <summary>Submitted evidence, or a review-type criterion, waiting for an assessor.</summary>
    AwaitingAssessment,

    Met,

    /// <summary>An assessor decided it was not demonstrated; new evidence moves it back to Evidenced.</summary>
    NotDemonstrated,
}

/// <summary>The learner's state on one criterion of the certification.</summary>
public sealed record CriterionProgress
{
    public required string CriterionId { get; init; }

    public CriterionState State { get; init; } = CriterionState.NotStarted;

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? MetAt { get; init; }
}
