namespace Certifications.Domain.People;

/// <summary>A person in an organization: roles, groups and coach come from here, never from a token's claims.</summary>
public sealed record User
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public required IReadOnlyList<Role> Roles { get; init; }

    public IReadOnlyList<string> GroupIds { get; init; } = [];

    public string? CoachId { get; init; }

    /// <summary>The learner's id in the LMS, for webhooks that do not carry an e-mail address.</summary>
    public string? ExternalId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public bool IsSuperAdmin => Roles.Contains(Role.SuperAdmin);

    public bool IsCoach => Roles.Contains(Role.Coach);

    public bool IsLearner => Roles.Contains(Role.Learner);

    public bool IsCoachedBy(string coachId) => CoachId == coachId;
}
