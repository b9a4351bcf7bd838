using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Progress;

/// <summary>The record after a step, and whether the step changed anything (a repeat of a done step does not).</summary>
public sealed record ProgressChange(Enrollment Enrollment, bool Changed)
{
    public static ProgressChange Unchanged(Enrollment enrollment) => new(enrollment, false);

    public static ProgressChange To(Enrollment enrollment) => new(enrollment, true);
}
