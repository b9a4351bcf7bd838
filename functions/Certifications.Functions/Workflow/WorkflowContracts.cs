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
/// The orchestration's input; reminder counts carry over when it continues as new. <c>Start</c>: started for a record
/// that can only wait for progress, as its starter saw it (see the workflow).
/// </summary>
public sealed record WorkflowInput(
    EnrollmentRef Enrollment, int DueRemindersSent = 0, int ApprovalRemindersSent = 0, DateTimeOffset? ApprovalRequestedAt = null,
    WorkflowStart? Start = null);

/// <summary>When a workflow's start was scheduled, for a record that could only wait, and that record's due date.</summary>
public sealed record WorkflowStart(DateTimeOffset ScheduledAt, DateTimeOffset? DueDate);

/// <summary>What the workflow learns from the table on each read.</summary>
public sealed record AdvanceOutcome(WorkflowNext Next, DateTimeOffset? DueDate, DateTimeOffset? ApprovalRequestedAt);

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
public static class WorkflowEvents
{
    public const string Changed = "EnrollmentChanged";
}
