namespace Certifications.Domain.Certificates;

/// <summary>The award a learner earned: what the verification page shows and the PDF is rendered from.</summary>
public sealed record Certificate
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    public required string EnrollmentId { get; init; }

    public required string CertificationId { get; init; }

    public required string CertificationTitle { get; init; }

    public required string LearnerId { get; init; }

    public required string LearnerName { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Set when the PDF has been rendered.</summary>
    public string? PdfBlob { get; init; }

    /// <summary>Hex SHA-256 of the issued PDF, so anyone can tell an edited copy from the original.</summary>
    public string? PdfSha256 { get; init; }

    public long? PdfBytes { get; init; }

    /// <summary>When the learner was sent the PDF; a re-rendered request does not send it again.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedReason { get; init; }

    /// <summary>Who revoked it (display name), for the record and the verification page.</summary>
    public string? RevokedBy { get; init; }

    public string? RevokedById { get; init; }

    public DateTimeOffset? ExpiryRemindedAt { get; init; }

    /// <summary>When the expiry sweep marked it expired (the status is expired from <see cref="ExpiresAt"/> on regardless).</summary>
    public DateTimeOffset? ExpiredAt { get; init; }

    /// <summary>Why the last render could not draw it (a person must fix the design, then render it again); null otherwise.</summary>
    public string? RenderFailure { get; init; }

    public DateTimeOffset? RenderFailedAt { get; init; }

    public bool IsRendered => PdfBlob is not null && PdfSha256 is not null;

    /// <summary>Whether the learner has what they earned: the PDF drawn and sent.</summary>
    public bool IsDelivered => IsRendered && DeliveredAt is not null;

    /// <summary>What a verifier is told at <paramref name="now"/>: revocation wins over expiry.</summary>
    public CertificateStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? CertificateStatus.Revoked
        : ExpiresAt is { } expires && expires <= now ? CertificateStatus.Expired
        : CertificateStatus.Valid;

    /// <summary>The certificate of an earned record, under the id the record claimed: names as they are now, expiry from the certification's
    /// validity.</summary>
    public static Certificate Issue(string id, Enrollments.Enrollment earned, Catalog.Certification certification, string organizationName) => new()
    {
        Id = id,
        OrganizationId = earned.OrganizationId,
        OrganizationName = organizationName,
        EnrollmentId = earned.Id,
        CertificationId = certification.Id,
        CertificationTitle = certification.Title,
        LearnerId = earned.LearnerId,
        LearnerName = earned.LearnerName,
        IssuedAt = earned.EarnedAt ?? throw new InvalidOperationException($"Enrollment {earned.Id} is not earned."),
        ExpiresAt = ExpiryOf(certification, earned.EarnedAt.Value),
    };

    /// <summary>When a certificate issued at <paramref name="issuedAt"/> expires; null when the certification does not expire.</summary>
    public static DateTimeOffset? ExpiryOf(Catalog.Certification certification, DateTimeOffset issuedAt) =>
        certification.ValidityMonths is { } months ? issuedAt.AddMonths(months) : null;

    /// <summary>A new certificate id: the verification URL carries it, so it is unguessable (128 random bits).</summary>
    public static string NewId() => Common.Ids.New(Common.Ids.Certificate);
}
