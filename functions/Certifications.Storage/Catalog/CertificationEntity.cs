using Azure;
using Azure.Data.Tables;
using Certifications.Domain.Catalog;
using Certifications.Storage.Common;

namespace Certifications.Storage.Catalog;

/// <summary>A certification row; criteria, view access and design are JSON columns (one row stays one read).</summary>
internal sealed class CertificationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public bool RequireApproval { get; set; }

    public int? ValidityMonths { get; set; }

    public string Criteria { get; set; } = "[]";

    public string ViewAccessGroupIds { get; set; } = "[]";

    public string Design { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public static CertificationEntity From(Certification c) => new()
    {
        PartitionKey = c.OrganizationId,
        RowKey = c.Id,
        Title = c.Title,
        Description = c.Description,
        Status = c.Status.ToString(),
        RequireApproval = c.RequireApproval,
        ValidityMonths = c.ValidityMonths,
        Criteria = StorageJson.Write(c.Criteria),
        ViewAccessGroupIds = StorageJson.Write(c.ViewAccessGroupIds),
        Design = StorageJson.Write(c.Design),
        CreatedAt = c.CreatedAt,
        UpdatedAt = c.UpdatedAt,
        PublishedAt = c.PublishedAt,
        ArchivedAt = c.ArchivedAt,
    };

    public Certification ToCertification() => new()
    {
        Id = RowKey,
        OrganizationId = PartitionKey,
        Title = Title,
        Description = Description,
        Status = Enum.Parse<CertificationStatus>(Status),
        RequireApproval = RequireApproval,
        ValidityMonths = ValidityMonths,
        Criteria = StorageJson.Read<Criterion[]>(Criteria, []),
        ViewAccessGroupIds = StorageJson.Read<string[]>(ViewAccessGroupIds, []),
        Design = StorageJson.Read(Design, CertificateDesign.Default),
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        PublishedAt = PublishedAt,
        ArchivedAt = ArchivedAt,
    };
}
