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

    public string? PdfSha256 { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedReason { get; init; }

    public string? RevokedBy { get; init; }

    /// <summary>A new certificate id: the verification URL carries it, so it is unguessable (128 random bits).</summary>
    public static string NewId() => Common.Ids.New(Common.Ids.Certificate);
}
