using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>
/// Everything one certificate is drawn from: the record, the design as it was earned, the logo's bytes, the verification
/// address printed on it and the one its QR code holds, and the organization's heading font if it has one.
/// </summary>
public sealed record CertificateContent(
    Certificate Certificate, CertificateDesign Design, byte[]? Logo, string VerifyUrl, string ScanUrl, byte[]? HeadingFont = null);
