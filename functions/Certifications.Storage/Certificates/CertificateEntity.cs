using Azure;
using Azure.Data.Tables;
using Certifications.Domain.Certificates;
using Certifications.Storage.Common;

namespace Certifications.Storage.Certificates;

/// <summary>A certificate record: partition = certificate id; the organization is a column for its own checks.</summary>
internal sealed class CertificateEntity : ITableEntity
{
    public const string Row = "certificate";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string OrganizationId { get; set; } = string.Empty;

    public string EnrollmentId { get; set; } = string.Empty;

    public string Data { get; set; } = "{}";

    /// <summary>A column of its own so the nightly expiry sweep filters on the server.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public static CertificateEntity From(Certificate c) => new()
    {
        PartitionKey = c.Id,
        OrganizationId = c.OrganizationId,
        EnrollmentId = c.EnrollmentId,
        ExpiresAt = c.ExpiresAt,
        Data = StorageJson.Write(c),
    };

    public Certificate ToCertificate() =>
        StorageJson.Read<Certificate?>(Data, null) ?? throw new InvalidDataException($"Certificate {PartitionKey} has no data.");
}
