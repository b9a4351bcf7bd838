using Azure;
using Azure.Data.Tables;

namespace Certifications.Storage.People;

/// <summary>
/// Where a sign-in leads: partition the Entra tenant, row the account's object id. Read on every request, so
/// disabling a user (which marks this row) stops their tokens at once on every instance.
/// </summary>
internal sealed class IdentityEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string OrganizationId { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public bool Disabled { get; set; }
}

/// <summary>The user a sign-in is bound to, and whether that user is disabled.</summary>
public sealed record BoundIdentity(string OrganizationId, string UserId, bool Disabled);
