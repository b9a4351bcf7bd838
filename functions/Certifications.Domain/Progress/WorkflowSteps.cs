using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Progress;

/// <summary>What the enrollment's workflow decides once criteria are met: ask for approval, or award.</summary>
public static class WorkflowSteps
{
    /// <summary>
    /// Whether a record can only wait for progress, whatever its certification says: active, not earned, criteria
    /// still open. Its workflow has nothing to do until something changes.
    /// </summary>
    public static bool CanOnlyWait(Enrollment enrollment) => enrollment is { IsActive: true, EarnedAt: null, AllCriteriaMet: false };

    /// <summary>Whether a record needs a running workflow at all: active, and not yet earned with its certificate written.</summary>
    public static bool NeedsWorkflow(Enrollment enrollment) => enrollment.IsActive && (enrollment.EarnedAt is null || enrollment.CertificateId is null);

    /// <summary>
    /// Whether a change of the record gives its workflow anything to do. Not when the record could only wait before
    /// and can only wait after, with the same due date: the workflow would read it, find nothing to do, and wait again
    /// with the same reminders. So a learner's first criteria cost a write each, and only the one that completes them
    /// (or a withdrawal, a rejection, a decision) wakes the workflow.
    /// </summary>
    public static bool Wakes(Enrollment before, Enrollment after) =>
        !(CanOnlyWait(before) && CanOnlyWait(after) && before.DueDate == after.DueDate);

    /// <summary>The next thing the workflow should do for this record.</summary>
    public static WorkflowNext Next(Enrollment? enrollment, Certification? certification)
    {
        if (enrollment is null || certification is null || !enrollment.IsActive)
        {
            return WorkflowNext.End;
        }

        if (enrollment.EarnedAt is not null)
        {
            return WorkflowNext.Done;
        }

        // Archived: no new enrollments, and the running ones stop waiting (product.md, "The workflow").
        if (certification.Status == CertificationStatus.Archived)
        {
            return WorkflowNext.End;
        }

        if (!enrollment.AllCriteriaMet)
        {
            return WorkflowNext.WaitForProgress;
        }

        if (!certification.RequireApproval || enrollment.Approval == ApprovalState.Approved)
        {
            return WorkflowNext.Award;
        }

        return enrollment.Approval switch
        {
            ApprovalState.NotRequested => WorkflowNext.RequestApproval,
            ApprovalState.Awaiting => WorkflowNext.WaitForApproval,
            _ => WorkflowNext.WaitForProgress,
        };
    }

    public static Enrollment RequestApproval(Enrollment enrollment, DateTimeOffset now) =>
        enrollment with { Approval = ApprovalState.Awaiting, ApprovalRequestedAt = now };

    public static Enrollment Award(Enrollment enrollment, string certificateId, DateTimeOffset now) =>
        enrollment with { EarnedAt = now, CertificateId = certificateId };
}

/// <summary>The workflow's next move.</summary>
public enum WorkflowNext
{
    /// <summary>Withdrawn, archived or gone: stop cleanly.</summary>
    End,

    /// <summary>Earned already: nothing left to do.</summary>
    Done,

    WaitForProgress,
    RequestApproval,
    WaitForApproval,
    Award,
}
