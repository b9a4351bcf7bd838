namespace Certifications.Domain.Enrollments;

/// <summary>How the learner came to the certification; coaches read it to tell required from chosen work.</summary>
public enum EnrollmentSource
{
    Assigned,
    SelfEnrolled,
}
