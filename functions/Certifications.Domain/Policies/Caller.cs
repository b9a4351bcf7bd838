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
}
