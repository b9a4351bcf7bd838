using Certifications.Domain.Common;

namespace Certifications.Domain.Catalog;

/// <summary>What a learner can earn: its criteria, who may discover it, and how its certificate looks.</summary>
public sealed record Certification
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = string.Empty;

    public CertificationStatus Status { get; init; } = CertificationStatus.Draft;

    public bool RequireApproval { get; init; }

    /// <summary>How long a certificate stays valid; none means it never expires.</summary>
    public int? ValidityMonths { get; init; }

    public required IReadOnlyList<Criterion> Criteria { get; init; }

    /// <summary>Groups whose learners can discover and self-enroll.</summary>
    public IReadOnlyList<string> ViewAccessGroupIds { get; init; } = [];

    public CertificateDesign Design { get; init; } = CertificateDesign.Default;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public DateTimeOffset? ArchivedAt { get; init; }

    public bool AcceptsEnrollments => Status == CertificationStatus.Published;

    /// <summary>Draft → Published; publishing again is a no-op so a retried request succeeds.</summary>
    public Result<Certification> Publish(DateTimeOffset now) => Status switch
    {
        CertificationStatus.Published => this,
        CertificationStatus.Archived => Error.Conflict("An archived certification cannot be published again."),
        _ when Criteria.Count == 0 => Error.Conflict("A certification needs at least one criterion before it can be published."),
        _ => this with { Status = CertificationStatus.Published, PublishedAt = now, UpdatedAt = now },
    };

    /// <summary>Archiving keeps existing enrollments and certificates; archiving again is a no-op.</summary>
    public Certification Archive(DateTimeOffset now) =>
        Status == CertificationStatus.Archived ? this : this with { Status = CertificationStatus.Archived, ArchivedAt = now, UpdatedAt = now };

    public bool GrantsViewAccessTo(IEnumerable<string> groupIds) => ViewAccessGroupIds.Intersect(groupIds, StringComparer.Ordinal).Any();
}
