using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Policies;
using Certifications.Storage.Catalog;
using Certifications.Storage.Enrollments;
using Certifications.Storage.People;

namespace Certifications.Functions.Reviews;

/// <summary>
/// What waits for a reviewer: submitted evidence, review-type criteria and approvals. Admins see the organization's,
/// coaches their team's. One filtered single-partition query per certification.
/// </summary>
public sealed class ReviewQueue(CertificationRepository certifications, EnrollmentRepository enrollments, DirectoryRepository directory)
{
    public async Task<Result<IReadOnlyList<ReviewQueueItem>>> ForAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsSuperAdmin && !caller.IsCoach)
        {
            return Error.Forbidden("The review queue is for coaches and admins.");
        }

        IReadOnlySet<string>? team = caller.IsSuperAdmin
            ? null
            : (await directory.TeamAsync(caller.OrganizationId, caller.Id, cancellationToken).ConfigureAwait(false)).Select(u => u.Id).ToHashSet(
                StringComparer.Ordinal);
        var items = new List<ReviewQueueItem>();
        await foreach (var certification in certifications.ListAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var enrollment in enrollments.AwaitingReviewerAsync(
                caller.OrganizationId, certification.Id, cancellationToken).ConfigureAwait(false))
            {
                if (team is null || team.Contains(enrollment.LearnerId))
                {
                    items.Add(ReviewQueueItem.From(enrollment, certification));
                }
            }
        }

        // A coach's team holds only active users; an admin's queue leaves out the work of disabled learners.
        if (team is null && items.Count > 0)
        {
            var learners = await directory.GetUsersAsync(caller.OrganizationId, items.Select(i => i.LearnerId), cancellationToken).ConfigureAwait(false);
            items.RemoveAll(i => learners.TryGetValue(i.LearnerId, out var learner) && !learner.IsActive);
        }

        // Oldest waiting first: approvals by when they were requested, work by when it was handed in.
        return items.OrderBy(i => i.WaitingSince ?? DateTimeOffset.MaxValue).ToArray();
    }
}

/// <summary>One learner's record with what waits on it.</summary>
public sealed record ReviewQueueItem(
    string EnrollmentId, string LearnerId, string LearnerName, string CertificationId, string CertificationTitle,
    EnrollmentStatus Status, bool AwaitingApproval, DateTimeOffset? WaitingSince, IReadOnlyList<ReviewQueueItem.WaitingCriterion> Criteria)
{
    public static ReviewQueueItem From(Enrollment e, Certification c)
    {
        var waiting = e.Criteria
            .Join(c.Criteria, p => p.CriterionId, d => d.Id, (p, d) => (Progress: p, Criterion: d))
            .Where(x => x.Progress.State == CriterionState.AwaitingAssessment
                || (x.Criterion.Kind == CriterionKind.Review && x.Progress.State != CriterionState.Met))
            .Select(x => new WaitingCriterion(x.Criterion.Id, x.Criterion.Title, x.Criterion.Kind.ToName(), x.Progress.State, x.Progress.HandIns))
            .ToArray();
        var awaitingApproval = e.Approval == ApprovalState.Awaiting;
        return new ReviewQueueItem(e.Id, e.LearnerId, e.LearnerName, c.Id, c.Title, e.Status, awaitingApproval,
            awaitingApproval ? e.ApprovalRequestedAt : e.SubmittedAt ?? e.StartedAt ?? e.EnrolledAt, waiting);
    }

    /// <summary>A criterion waiting for a decision.</summary>
    public sealed record WaitingCriterion(string CriterionId, string Title, string Kind, CriterionState State, int EvidenceCount);
}
