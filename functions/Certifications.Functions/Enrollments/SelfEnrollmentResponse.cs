using Certifications.Domain.Enrollments;

namespace Certifications.Functions.Enrollments;

/// <summary>What a learner's own enrollment answers: the new record's id and where it stands.</summary>
public sealed record SelfEnrollmentResponse(string EnrollmentId, EnrollmentSource Source, EnrollmentStatus Status);
