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

    /// <summary>The BCP 47 tag the person reads the product in; null follows the organization's language.</summary>
    public string? Language { get; init; }

    /// <summary>The IANA time zone the person lives in (their own setting); null until set, and messages then speak UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>When a coach takes live sessions, in their time zone; null means <see cref="People.WorkingHours.Default"/>.</summary>
    public WorkingHours? WorkingHours { get; init; }

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

    /// <summary>Someone who can run the organization now: a super admin who is not disabled.</summary>
    public bool IsActiveSuperAdmin => IsSuperAdmin && IsActive;

    /// <summary>Whether this change takes away the last thing that made the user an active super admin (their role, or being enabled).</summary>
    public bool StopsBeingActiveSuperAdmin(User after) => IsActiveSuperAdmin && !after.IsActiveSuperAdmin;

    /// <summary>
    /// The user after an admin's edit: a pending invitation goes with the address it was sent to, so a changed e-mail
    /// voids it (the caller sends a new one to the new address); how they sign in, whether they are disabled, and what
    /// only the person sets (time zone, working hours) stay.
    /// </summary>
    public User Edited(User edited) => edited with
    {
        SignIn = SignIn,
        TimeZone = TimeZone,
        WorkingHours = WorkingHours,
        DisabledAt = DisabledAt,
        Invitation = SignIn is null && edited.Email != Email ? null : Invitation,
    };

    /// <summary>Disabled: a link not yet used stops working with them (enabling sends a fresh one).</summary>
    public User Disabled(DateTimeOffset at) => this with { DisabledAt = at, Invitation = SignIn is null ? null : Invitation };

    /// <summary>Enabled again; one who never signed in needs a new invitation, which the caller sends.</summary>
    public User Enabled() => this with { DisabledAt = null };

    public bool IsCoach => Roles.Contains(Role.Coach);

    /// <summary>The language e-mails and invitations to this person are written in.</summary>
    public string LanguageIn(Organizations.Organization organization) => Language ?? organization.Language;

    /// <summary>The zone messages to this person state times in.</summary>
    public TimeZoneInfo Zone => TimeZones.Of(TimeZone);

    public bool IsLearner => Roles.Contains(Role.Learner);

    public bool IsCoachedBy(string coachId) => CoachId == coachId;
}
