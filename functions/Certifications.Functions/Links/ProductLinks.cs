using Certifications.Domain.Certificates;
using Microsoft.Extensions.Options;

namespace Certifications.Functions.Certificates;

/// <summary>The public address of a certificate's verification page: printed on the PDF, in its QR code and in e-mails.</summary>
public sealed class CertificateLinks(IOptions<AppOptions> app)
{
    public string Verify(string certificateId) => $"{app.Value.PublicBaseUrl.TrimEnd('/')}/api/verify/{certificateId}";

    /// <summary>What the QR code holds: the same page by the short route (see <see cref="ScanLink"/>).</summary>
    public string Scan(string certificateId) => ScanLink.For(app.Value.PublicBaseUrl, certificateId);
}
