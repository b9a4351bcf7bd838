using Azure;
using Azure.Data.Tables;

namespace Certifications.Storage.People;

/// <summary>Maps a token's subject to the user it signs in: the only place a token's claims are trusted, and only for who, not what.</summary>
internal sealed class IdentityEntity : ITableEntity
{
    public const string Row = "user";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string OrganizationId { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;
}
