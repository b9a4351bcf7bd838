namespace Certifications.Domain.People;

/// <summary>What a user may do; a user may hold several (a coach is often a learner too).</summary>
public enum Role
{
    SuperAdmin,
    Coach,
    Learner,
}
