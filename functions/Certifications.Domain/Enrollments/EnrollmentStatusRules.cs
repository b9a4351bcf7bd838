namespace Certifications.Domain.Enrollments;

/// <summary>Derives the status from the record, so it can never disagree with the criteria it summarises.</summary>
public static class EnrollmentStatusRules
{
    public static EnrollmentStatus Derive(Enrollment enrollment)
    {
        var criteria = enrollment.Criteria;
        if (enrollment.EarnedAt is not null)
        {
            return EnrollmentStatus.Earned;
        }

        // A decision against the work stands until the learner changes that work (seed 003: "resubmit").
        if (enrollment.Approval == ApprovalState.Rejected || criteria.Any(c => c.State == CriterionState.NotDemonstrated))
        {
            return EnrollmentStatus.NotEarned;
        }

        // Approved but not yet issued lasts as long as the workflow takes to award; it is still "with the assessors".
        if (enrollment.Approval is ApprovalState.Awaiting or ApprovalState.Approved)
        {
            return EnrollmentStatus.Submitted;
        }

        var allHandedIn = criteria.Count > 0 && criteria.All(c => c.State is CriterionState.Met or CriterionState.AwaitingAssessment);
        if (enrollment.SubmittedAt is not null && allHandedIn && criteria.Any(c => c.State == CriterionState.AwaitingAssessment))
        {
            return EnrollmentStatus.Submitted;
        }

        if (criteria.Any(c => c.State is CriterionState.Evidenced or CriterionState.AwaitingAssessment or CriterionState.Met))
        {
            return EnrollmentStatus.InProgress;
        }

        return enrollment.StartedAt is not null ? EnrollmentStatus.Started : EnrollmentStatus.NotStarted;
    }
}
