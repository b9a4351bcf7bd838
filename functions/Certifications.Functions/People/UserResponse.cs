using Certifications.Domain.People;

namespace Certifications.Functions.People;

/// <summary>A user as the API shows it.</summary>
public sealed record UserResponse(
    string Id, string Email, string DisplayName, IReadOnlyList<Role> Roles, IReadOnlyList<string> GroupIds,
    string? CoachId, string? ExternalId, DateTimeOffset CreatedAt, string Status, DateTimeOffset? InvitationExpiresAt, DateTimeOffset? DisabledAt,
    string? Language, string? TimeZone, WorkingHoursText? WorkingHours)
{
    public static UserResponse From(User u) => new(
        u.Id, u.Email, u.DisplayName, u.Roles, u.GroupIds, u.CoachId, u.ExternalId, u.CreatedAt,
        !u.IsActive ? "disabled" : u.SignIn is null ? "invited" : "active",
        u.SignIn is null ? u.Invitation?.ExpiresAt : null, u.DisabledAt, u.Language, u.TimeZone,
        u.IsCoach ? WorkingHoursText.Of(u.WorkingHours ?? Domain.People.WorkingHours.Default) : null);
}

/// <summary>Working hours as the API writes and reads them: wall-clock "HH:mm" times in the person's time zone.</summary>
public sealed record WorkingHoursText(string? From, string? To)
{
    public static WorkingHoursText Of(WorkingHours hours) => new(WorkingHours.Text(hours.From), WorkingHours.Text(hours.To));
}

/// <summary>A group as the API shows it.</summary>
public sealed record GroupResponse(string Id, string Name, DateTimeOffset CreatedAt)
{
    public static GroupResponse From(Group g) => new(g.Id, g.Name, g.CreatedAt);
}

/// <summary>The body of POST /groups.</summary>
public sealed record GroupInput(string? Name);

/// <summary>GET /me: the caller and their organization; <c>Language</c> is the one they read the product in (theirs, else the organization's).</summary>
public sealed record MeResponse(
    UserResponse User, string OrganizationId, string OrganizationName, bool CertificationsEnabled, string Language, string OrganizationLanguage);

/// <summary>
/// The body of PUT /me/preferences: what a person sets for themselves, all of it (a field left out is cleared): the
/// language they read the product in, their IANA time zone, and, for coaches, the hours they take live sessions.
/// </summary>
public sealed record PreferencesInput(string? Language, string? TimeZone = null, WorkingHoursText? WorkingHours = null);
