using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Policies;

/// <summary>What an assignment did for one learner.</summary>
public enum AssignmentResult
{
    Created,
    AlreadyEnrolled,
}

/// <summary>One learner's line in an assignment's answer, and the record to write (if any).</summary>
public sealed record AssignmentOutcome(string LearnerId, AssignmentResult Result, Enrollment Enrollment, bool DueDateAdded)
{
    /// <summary>True when the record must be written: a new enrollment, or a due date added to a self-enrollment.</summary>
    public bool NeedsWrite => Result == AssignmentResult.Created || DueDateAdded;
}
