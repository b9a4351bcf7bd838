using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;

namespace Certifications.Storage.Certificates;

/// <summary>
/// What the renderer needs to draw a certificate: the record, and which version of its certification's design to draw
/// (<see cref="Catalog.DesignVersions"/>), by reference, so rendering again after a fix can name the corrected one.
/// </summary>
public sealed record CertificateRenderRequest(Certificate Certificate, string LearnerEmail)
{
    public string? DesignVersion { get; init; }

    /// <summary>Requests written before design versions carried a copy of the design: read, never written.</summary>
    public CertificateDesign? Design { get; init; }

    public static string BlobName(string certificateId) => certificateId + ".json";

    /// <summary>Reads a request blob as the issuing activity wrote it; throws <see cref="System.Text.Json.JsonException"/> when it is not one.</summary>
    public static async Task<CertificateRenderRequest?> ReadAsync(Stream blob, CancellationToken cancellationToken) =>
        await System.Text.Json.JsonSerializer.DeserializeAsync<CertificateRenderRequest>(
            blob, Common.StorageJson.Options, cancellationToken).ConfigureAwait(false);
}
