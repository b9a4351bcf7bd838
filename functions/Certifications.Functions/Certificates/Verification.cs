using Certifications.Domain.Certificates;

namespace Certifications.Functions.Certificates;

/// <summary>What anyone verifying a certificate is told: no ids of people, nothing beyond what the certificate itself shows.</summary>
public sealed record Verification(
    string Id, string Status, string Learner, string Certification, string Issuer, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt, string? Reason, string? PdfSha256)
{
    public static Verification Of(Certificate certificate, DateTimeOffset now) => new(
        certificate.Id,
        certificate.StatusAt(now).ToString().ToLowerInvariant(),
        certificate.LearnerName,
        certificate.CertificationTitle,
        certificate.OrganizationName,
        certificate.IssuedAt,
        certificate.ExpiresAt,
        certificate.RevokedAt,
        certificate.RevokedReason,
        certificate.PdfSha256);
}
