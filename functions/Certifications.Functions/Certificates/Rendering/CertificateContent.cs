using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>Everything one certificate PDF is drawn from: the record, the design as it was earned, the logo's bytes and where to verify it.</summary>
public sealed record CertificateContent(Certificate Certificate, CertificateDesign Design, byte[]? Logo, string VerifyUrl);
