using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Progress;

/// <summary>Small helpers for writing a changed record.</summary>
public static class EnrollmentChanges
{
    public static Enrollment WithCriterion(this Enrollment enrollment, string criterionId, Func<CriterionProgress, CriterionProgress> change) =>
        enrollment with { Criteria = [.. enrollment.Criteria.Select(c => c.CriterionId == criterionId ? change(c) : c)] };
}
