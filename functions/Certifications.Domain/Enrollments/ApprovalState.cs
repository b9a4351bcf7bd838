namespace Certifications.Domain.Enrollments;

/// <summary>Where the approval step stands when the certification requires approval.</summary>
public enum ApprovalState
{
    NotRequested,
    Awaiting,
    Approved,
    Rejected,
}
