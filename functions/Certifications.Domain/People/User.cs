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

    /// <summary>The account bound to this user by their invitation; null until they first sign in.</summary>
    public SignInIdentity? SignIn { get; init; }

    /// <summary>The user's current invitation link (only its hash), accepted or not.</summary>
    public Invitation? Invitation { get; init; }

    /// <summary>A disabled user cannot sign in and leaves lists and pickers; their records and certificates stay.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    public bool IsActive => DisabledAt is null;

    public bool IsSuperAdmin => Roles.Contains(Role.SuperAdmin);

    public bool IsCoach => Roles.Contains(Role.Coach);

    public bool IsLearner => Roles.Contains(Role.Learner);

    public bool IsCoachedBy(string coachId) => CoachId == coachId;
}
