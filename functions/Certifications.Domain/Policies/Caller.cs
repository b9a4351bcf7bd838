using Certifications.Domain.Common;
using Certifications.Domain.Organizations;
using Certifications.Domain.People;

namespace Certifications.Domain.Policies;

/// <summary>The authenticated user making a request, with their organization as read from our own tables.</summary>
public sealed record Caller(User User, Organization Organization)
{
    public string Id => User.Id;

    public string OrganizationId => Organization.Id;

    public bool IsSuperAdmin => User.IsSuperAdmin;

    public bool IsCoach => User.IsCoach;

    public bool IsLearner => User.IsLearner;

    /// <summary>Whether the caller is, right now, a coach and the learner's coach: checked at every step, not only when work was assigned.</summary>
    public bool Coaches(User learner) => IsCoach && learner.IsCoachedBy(Id);

    /// <summary>Separation of duties: nobody assesses or approves their own enrollment, whatever roles they hold.</summary>
    public Error? AssessesSelf(string learnerId) =>
        learnerId == Id ? Error.Forbidden("Nobody reviews, rates or approves their own work; another coach or an admin decides.") : null;
}
