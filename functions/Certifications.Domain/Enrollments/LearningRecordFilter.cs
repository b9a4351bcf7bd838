using Certifications.Domain.Common;

namespace Certifications.Domain.Enrollments;

/// <summary>Which learning records a list shows: by status and source (read by storage), overdue and a part of the learner's name or e-mail.</summary>
public sealed record LearningRecordFilter(EnrollmentStatus? Status = null, EnrollmentSource? Source = null, bool? Overdue = null, string? Search = null)
{
    public bool Matches(Enrollment enrollment, DateTimeOffset now) =>
        (Status is null || enrollment.Status == Status)
        && (Source is null || enrollment.Source == Source)
        && (Overdue is null || enrollment.IsOverdue(now) == Overdue)
        && (string.IsNullOrWhiteSpace(Search) || Contains(enrollment.LearnerName, Search) || Contains(enrollment.LearnerEmail, Search));

    // Case and accents are ignored, so "zoe" finds "Zoë" as a person searching expects.
    private static bool Contains(string text, string part) => SearchText.Contains(text, part.Trim());
}
