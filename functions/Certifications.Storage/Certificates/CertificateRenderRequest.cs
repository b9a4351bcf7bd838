using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;

namespace Certifications.Storage.Certificates;

/// <summary>What the renderer needs to draw a certificate: the record and the design as it was when it was earned.</summary>
public sealed record CertificateRenderRequest(Certificate Certificate, CertificateDesign Design, string LearnerEmail)
{
    public static string BlobName(string certificateId) => certificateId + ".json";
}
