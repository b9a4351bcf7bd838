namespace Certifications.Domain.Certificates;

/// <summary>What the verification page says of a certificate.</summary>
public enum CertificateStatus
{
    Valid,
    Expired,
    Revoked,
}
