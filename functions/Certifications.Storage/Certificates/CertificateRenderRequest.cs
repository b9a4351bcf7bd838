using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;

namespace Certifications.Storage.Certificates;

/// <summary>What the renderer needs to draw a certificate: the record and the design as it was when it was earned.</summary>
public sealed record CertificateRenderRequest(Certificate Certificate, CertificateDesign Design, string LearnerEmail)
{
    public static string BlobName(string certificateId) => certificateId + ".json";

    /// <summary>Reads a request blob as the issuing activity wrote it; throws <see cref="System.Text.Json.JsonException"/> when it is not one.</summary>
    public static async Task<CertificateRenderRequest?> ReadAsync(Stream blob, CancellationToken cancellationToken) =>
        await System.Text.Json.JsonSerializer.DeserializeAsync<CertificateRenderRequest>(
            blob, Common.StorageJson.Options, cancellationToken).ConfigureAwait(false);
}
