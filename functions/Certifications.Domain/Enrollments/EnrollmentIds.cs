using Certifications.Domain.Common;

namespace Certifications.Domain.Enrollments;

/// <summary>
/// An enrollment's id is derived from its certification and learner: one learner has at most one
/// enrollment per certification, and the id leads straight to the record without an index lookup.
/// </summary>
public static class EnrollmentIds
{
    public static string For(string certificationId, string learnerId) =>
        $"{Ids.Enrollment}_{Ids.RandomPart(certificationId)}{Ids.RandomPart(learnerId)}";

    public static bool TryParse(string? enrollmentId, out string certificationId, out string learnerId)
    {
        certificationId = learnerId = string.Empty;
        var prefix = Ids.Enrollment + "_";
        if (enrollmentId is null
            || enrollmentId.Length != prefix.Length + 2 * Ids.RandomLength
            || !enrollmentId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        certificationId = $"{Ids.Certification}_{enrollmentId.Substring(prefix.Length, Ids.RandomLength)}";
        learnerId = $"{Ids.User}_{enrollmentId[^Ids.RandomLength..]}";
        return Ids.IsWellFormed(certificationId, Ids.Certification) && Ids.IsWellFormed(learnerId, Ids.User);
    }
}
