using System.Net.Mail;
using Certifications.Domain.Common;
using Certifications.Domain.Languages;

namespace Certifications.Domain.People;

/// <summary>The fields of a user as an admin writes them (POST, PUT or one CSV row).</summary>
public sealed record UserInput
{
    /// <summary>A user and its index rows are written in one transaction of at most 100 operations.</summary>
    public const int MaxGroups = 90;

    public string? Email { get; init; }

    public string? DisplayName { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }

    public IReadOnlyList<string>? GroupIds { get; init; }

    public string? CoachId { get; init; }

    public string? ExternalId { get; init; }

    /// <summary>A BCP 47 tag; absent or empty: the organization's language.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Checks the fields that need no lookup; <paramref name="knownGroups"/> and <paramref name="coaches"/>
    /// say which referenced ids exist in the caller's organization (ids of other organizations are unknown here).
    /// </summary>
    public Result<User> ToUser(
        string id, string organizationId, DateTimeOffset createdAt,
        IReadOnlySet<string> knownGroups, IReadOnlySet<string> coaches)
    {
        var errors = new FieldErrors();
        var email = NormalizeEmail(errors, Email);
        var displayName = errors.RequireText("displayName", DisplayName, 200);
        var roles = ParseRoles(errors, Roles);

        var groupIds = (GroupIds ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (groupIds.Length > MaxGroups)
        {
            errors.Add("groupIds", $"a user belongs to at most {MaxGroups} groups.");
        }

        foreach (var unknown in groupIds.Where(g => !knownGroups.Contains(g)))
        {
            errors.Add("groupIds", $"group '{unknown}' does not exist in this organization.");
        }

        var coachId = string.IsNullOrWhiteSpace(CoachId) ? null : CoachId.Trim();
        if (coachId is not null && (coachId == id || !coaches.Contains(coachId)))
        {
            errors.Add("coachId", $"'{coachId}' is not a coach in this organization.");
        }

        var externalId = errors.RequireText("externalId", ExternalId, 200, required: false);
        var language = string.IsNullOrWhiteSpace(Language) ? null : ProductLanguages.Validate(errors, "language", Language, ProductLanguages.Default);

        if (errors.Any)
        {
            return errors.ToError();
        }

        return new User
        {
            Id = id,
            OrganizationId = organizationId,
            Email = email!,
            DisplayName = displayName!,
            Roles = roles,
            GroupIds = groupIds,
            CoachId = coachId,
            ExternalId = externalId,
            Language = language,
            CreatedAt = createdAt,
        };
    }

    /// <summary>E-mail addresses compare case-insensitively, so they are stored lower-cased.</summary>
    public static string? NormalizeEmail(FieldErrors errors, string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add("email", "is required.");
            return null;
        }

        if (trimmed.Length > 254 || !TextRules.IsSingleLine(trimmed) || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed
            || !trimmed.Contains('.', StringComparison.Ordinal))
        {
            errors.Add("email", $"'{TextRules.Excerpt(trimmed)}' is not an e-mail address.");
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    private static Role[] ParseRoles(FieldErrors errors, IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            errors.Add("roles", "at least one of SuperAdmin, Coach, Learner is required.");
            return [];
        }

        var parsed = new List<Role>();
        foreach (var role in roles)
        {
            if (Enum.TryParse<Role>(role, ignoreCase: true, out var r) && Enum.IsDefined(r) && !int.TryParse(role, out _))
            {
                if (!parsed.Contains(r))
                {
                    parsed.Add(r);
                }
            }
            else
            {
                errors.Add("roles", $"'{role}' is not a role; use SuperAdmin, Coach or Learner.");
            }
        }

        return [.. parsed];
    }
}
