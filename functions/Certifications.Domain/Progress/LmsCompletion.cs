using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Progress;

/// <summary>An LMS reporting that a learner completed an activity, as the webhook delivers it.</summary>
public sealed record LmsCompletion(string ActivityId, DateTimeOffset CompletedAt, int? Score)
{
    /// <summary>
    /// Meets every content or activity criterion that points at this activity and whose minimum score the completion
    /// reaches. Criteria already met, or waiting for an assessor, are left alone; so a redelivery changes nothing.
    /// </summary>
    public ProgressChange ApplyTo(Enrollment enrollment, Certification certification, DateTimeOffset now)
    {
        if (!enrollment.IsActive || enrollment.EarnedAt is not null)
        {
            return ProgressChange.Unchanged(enrollment);
        }

        var meets = certification.Criteria
            .Where(c => c.Kind is CriterionKind.Content or CriterionKind.Activity
                && string.Equals(c.ExternalActivityId, ActivityId, StringComparison.Ordinal)
                && (c.MinScore is null || Score >= c.MinScore)
                && enrollment.Progress(c.Id)?.State is CriterionState.NotStarted or CriterionState.Evidenced or CriterionState.NotDemonstrated)
            .Select(c => c.Id)
            .ToHashSet();
        if (meets.Count == 0)
        {
            return ProgressChange.Unchanged(enrollment);
        }

        return ProgressChange.To(enrollment with
        {
            StartedAt = enrollment.StartedAt ?? now,
            Criteria = [.. enrollment.Criteria.Select(c => meets.Contains(c.CriterionId)
                ? c with { State = CriterionState.Met, MetAt = CompletedAt, UpdatedAt = now, Score = Score, MetBy = "lms" }
                : c)],
        });
    }

    /// <summary>Whether any criterion of the certification listens for this activity at all.</summary>
    public bool IsKnownTo(Certification certification) =>
        certification.Criteria.Any(c => string.Equals(c.ExternalActivityId, ActivityId, StringComparison.Ordinal));
}
