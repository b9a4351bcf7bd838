using Microsoft.Extensions.Options;

namespace Certifications.Functions.Certificates;

/// <summary>The public address of a certificate's verification page: printed on the PDF, in its QR code and in e-mails.</summary>
public sealed class CertificateLinks(IOptions<AppOptions> app)
{
    public string Verify(string certificateId) => $"{app.Value.PublicBaseUrl.TrimEnd('/')}/api/verify/{certificateId}";
}
