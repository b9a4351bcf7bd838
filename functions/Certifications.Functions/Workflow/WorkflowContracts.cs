using Certifications.Domain.Enrollments;
using Certifications.Domain.Progress;

namespace Certifications.Functions.Workflow;

/// <summary>Which learning record a workflow drives; its instance id is the enrollment id, so it is started once.</summary>
public sealed record EnrollmentRef(string OrganizationId, string CertificationId, string LearnerId)
{
    public string InstanceId => EnrollmentIds.For(CertificationId, LearnerId);

    public static EnrollmentRef Of(Enrollment enrollment) => new(enrollment.OrganizationId, enrollment.CertificationId, enrollment.LearnerId);
}

/// <summary>
/// The orchestration's input; reminder counts carry over when it continues as new. <c>Started</c>: the record as its
/// starter had just written it, when that needs nothing but waiting, so the first step needs no read.
/// </summary>
public sealed record WorkflowInput(
    EnrollmentRef Enrollment, int DueRemindersSent = 0, int ApprovalRemindersSent = 0, DateTimeOffset? ApprovalRequestedAt = null,
    WorkflowView? Started = null);

/// <summary>What the workflow learns from the table on each read.</summary>
public sealed record WorkflowView(WorkflowNext Next, DateTimeOffset? DueDate, DateTimeOffset? ApprovalRequestedAt)
{
    /// <summary>
    /// The view of a record that can only wait for progress (active, not earned, criteria still open), whatever its
    /// certification says; null for any other record, whose next step needs the certification and so a read.
    /// </summary>
    public static WorkflowView? WaitingOnly(Enrollment enrollment) =>
        enrollment is { IsActive: true, EarnedAt: null, AllCriteriaMet: false }
            ? new WorkflowView(WorkflowNext.WaitForProgress, enrollment.DueDate, enrollment.ApprovalRequestedAt)
            : null;
}

/// <summary>Input of the due-date reminder activity.</summary>
public sealed record DueReminderRequest(EnrollmentRef Enrollment, DueReminderKind Kind);

/// <summary>How a workflow ended.</summary>
public enum WorkflowOutcome
{
    Earned,
    Ended,
    ContinuedAsNew,
}

/// <summary>The one external event: "the record changed, read it again". The table is the truth; events only signal.</summary>
public static class WorkflowSignals
{
    public const string Changed = "EnrollmentChanged";
}
