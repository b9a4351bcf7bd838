using Certifications.Domain.Catalog;
using Certifications.Domain.Common;

namespace Certifications.Domain.Policies;

/// <summary>Who may see and change certifications (product.md, "Who uses it").</summary>
public static class CatalogAccess
{
    public static Error? RequireManager(Caller caller) =>
        caller.IsSuperAdmin ? null : Error.Forbidden("Only a super admin can manage certifications.");

    /// <summary>
    /// Admins see everything; a learner sees what they are enrolled in and published certifications their groups
    /// give view access to; a coach sees what a member of their team is enrolled in.
    /// </summary>
    public static bool CanSee(Caller caller, Certification certification, bool callerEnrolled, bool teamMemberEnrolled)
    {
        if (caller.IsSuperAdmin || callerEnrolled)
        {
            return true;
        }

        if (caller.IsCoach && teamMemberEnrolled)
        {
            return true;
        }

        return caller.IsLearner
            && certification.Status == CertificationStatus.Published
            && certification.GrantsViewAccessTo(caller.User.GroupIds);
    }
}
