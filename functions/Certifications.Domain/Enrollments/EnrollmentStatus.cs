namespace Certifications.Domain.Enrollments;

/// <summary>The six statuses of product.md (seed 003's words, which coaches act on).</summary>
public enum EnrollmentStatus
{
    NotStarted,
    Started,
    InProgress,
    Submitted,
    NotEarned,
    Earned,
}

/// <summary>The words people read for each status.</summary>
public static class EnrollmentStatusNames
{
    public static string ToDisplayName(this EnrollmentStatus status) => status switch
    {
        EnrollmentStatus.NotStarted => "Not started",
        EnrollmentStatus.Started => "Started",
        EnrollmentStatus.InProgress => "In progress",
        EnrollmentStatus.Submitted => "Submitted",
        EnrollmentStatus.NotEarned => "Not earned",
        EnrollmentStatus.Earned => "Earned",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
