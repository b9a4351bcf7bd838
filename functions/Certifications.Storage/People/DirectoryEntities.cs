using Azure;
using Azure.Data.Tables;
using Certifications.Domain.People;
using Certifications.Storage.Common;

namespace Certifications.Storage.People;

/// <summary>
/// Row keys of the Directory table. Everything of one organization shares its partition, so a user and its
/// e-mail and membership index rows are written in one entity-group transaction: never half-written.
/// </summary>
internal static class DirectoryKeys
{
    public const string UserPrefix = "user|";
    public const string EmailPrefix = "mail|";
    public const string GroupPrefix = "group|";
    public const string GroupNamePrefix = "gname|";

    /// <summary>Index rows written before keys were encoded (raw text); <see cref="DirectoryKeyMigration"/> moves them.</summary>
    public const string LegacyEmailPrefix = "email|";

    public const string LegacyGroupNamePrefix = "groupname|";
    public const string MemberPrefix = "member|";
    public const string ExternalIdPrefix = "external|";
    public const string AdminPrefix = "admin|";
    public const string CoachedPrefix = "coached|";
    public const string NamedPrefix = "name|";

    public static string User(string id) => UserPrefix + id;

    /// <summary>An e-mail may hold '/', '#', '?' or '\\' (RFC 5322 allows them), so the key is its encoding.</summary>
    public static string Email(string email) => EmailPrefix + RowKeys.Encode(email);

    public static string Group(string id) => GroupPrefix + id;

    public static string GroupName(string name) => GroupNamePrefix + RowKeys.Encode(name.Trim().ToLowerInvariant());

    public static string Member(string groupId, string userId) => $"{MemberPrefix}{groupId}|{userId}";

    /// <summary>The index row of a super admin: who gets asked for approvals, found without reading every user.</summary>
    public static string Admin(string userId) => AdminPrefix + userId;

    /// <summary>The index row of a coach's team member: a coach's team is read from its own range, whatever the organization's size.</summary>
    public static string Coached(string coachId, string userId) => $"{CoachedPrefix}{coachId}|{userId}";

    /// <summary>The start of a coach's team range.</summary>
    public static string Team(string coachId) => $"{CoachedPrefix}{coachId}|";

    /// <summary>
    /// The index row that lists a user in name order (<see cref="NameOrder"/>): the sort text as hex of its UTF-8, which
    /// keeps its order in the key (base64 does not) and no character a key may not hold; the id makes it unique.
    /// </summary>
    public static string Named(string displayName, string userId) =>
        $"{NamedPrefix}{Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(NameOrder.SortText(displayName)))}|{userId}";

    /// <summary>The index row of an LMS's id for a user: unique in the organization, found without a scan.</summary>
    public static string ExternalId(string externalId) => ExternalIdPrefix + RowKeys.Encode(externalId);

}

/// <summary>A user row.</summary>
internal sealed class UserEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Email { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Roles { get; set; } = string.Empty;

    public string GroupIds { get; set; } = string.Empty;

    public string? CoachId { get; set; }

    public string? ExternalId { get; set; }

    public string? Language { get; set; }

    public string? TimeZone { get; set; }

    /// <summary>The working hours as "HH:mm-HH:mm"; null for the default.</summary>
    public string? WorkingHours { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? SignInTenantId { get; set; }

    public string? SignInObjectId { get; set; }

    public string? InvitationHash { get; set; }

    public DateTimeOffset? InvitationExpiresAt { get; set; }

    public DateTimeOffset? InvitationAcceptedAt { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    public static UserEntity From(User u) => new()
    {
        PartitionKey = u.OrganizationId,
        RowKey = DirectoryKeys.User(u.Id),
        Email = u.Email,
        DisplayName = u.DisplayName,
        Roles = string.Join(',', u.Roles),
        GroupIds = StorageJson.Write(u.GroupIds),
        CoachId = u.CoachId,
        ExternalId = u.ExternalId,
        Language = u.Language,
        TimeZone = u.TimeZone,
        WorkingHours = u.WorkingHours?.ToString(),
        CreatedAt = u.CreatedAt,
        SignInTenantId = u.SignIn?.TenantId,
        SignInObjectId = u.SignIn?.ObjectId,
        InvitationHash = u.Invitation?.SecretHash,
        InvitationExpiresAt = u.Invitation?.ExpiresAt,
        InvitationAcceptedAt = u.Invitation?.AcceptedAt,
        DisabledAt = u.DisabledAt,
    };

    public User ToUser() => new()
    {
        Id = RowKey[DirectoryKeys.UserPrefix.Length..],
        OrganizationId = PartitionKey,
        Email = Email,
        DisplayName = DisplayName,
        Roles = [.. Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Role>)],
        GroupIds = StorageJson.Read<string[]>(GroupIds, []),
        CoachId = CoachId,
        ExternalId = ExternalId,
        Language = Language,
        TimeZone = TimeZone,
        WorkingHours = Domain.People.WorkingHours.Parse(WorkingHours),
        CreatedAt = CreatedAt,
        SignIn = SignInTenantId is not null && SignInObjectId is not null ? new SignInIdentity(SignInTenantId, SignInObjectId) : null,
        Invitation = InvitationHash is not null && InvitationExpiresAt is { } expires ? new Invitation(InvitationHash, expires, InvitationAcceptedAt) : null,
        DisabledAt = DisabledAt,
    };
}

/// <summary>A group row.</summary>
internal sealed class GroupEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public Group ToGroup() => new()
    {
        Id = RowKey[DirectoryKeys.GroupPrefix.Length..],
        OrganizationId = PartitionKey,
        Name = Name,
        CreatedAt = CreatedAt,
    };
}

/// <summary>An index row (e-mail → user, group name → group, group membership) that points at a user or group.</summary>
internal sealed class PointerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string TargetId { get; set; } = string.Empty;
}
