using Certifications.Domain.Catalog;

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

    /// <summary>Copied from the criterion, so that what waits for a reviewer is known from the record alone.</summary>
    public CriterionKind Kind { get; init; }

    public CriterionState State { get; init; } = CriterionState.NotStarted;

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? MetAt { get; init; }

    /// <summary>
    /// Evidence handed in this round, oldest first; kept when an assessor sends it back, so the history shows. Lists of
    /// learning records carry only <see cref="HandIns"/>: the items are read with the record itself.
    /// </summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>How many hand-ins this round: what the record's own row keeps, and what the limit counts.</summary>
    public int HandIns { get; init; }

    /// <summary>The LMS score that met the criterion, when an LMS reported one.</summary>
    public int? Score { get; init; }

    /// <summary>Who or what met it: learner, lms, reviewer, live_session.</summary>
    public string? MetBy { get; init; }
}
