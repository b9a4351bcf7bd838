using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Certifications.Domain.Certificates;
using Certifications.Domain.Common;
using Certifications.Storage.Common;

namespace Certifications.Storage.Certificates;

/// <summary>
/// Certificate records, one partition per certificate: verification looks a certificate up by its id alone, from
/// anywhere, without knowing the organization. The render request for each is a blob named after the id.
/// </summary>
public sealed class CertificateRepository(StorageAccount storage)
{
    private readonly TableClient table = storage.Table(TableNames.Certificates);
    private readonly BlobContainerClient requests = storage.Container(ContainerNames.CertificateRequests);

    public async Task<Versioned<Certificate>?> GetAsync(string certificateId, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsWellFormed(certificateId, Ids.Certificate))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<CertificateEntity>(certificateId, CertificateEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new Versioned<Certificate>(response.Value!.ToCertificate(), response.Value.ETag.ToString()) : null;
    }

    /// <summary>Writes the record; writing the same certificate again (a retried activity) replaces it with itself.</summary>
    public async Task SaveAsync(Certificate certificate, CancellationToken cancellationToken = default) =>
        await table.UpsertEntityAsync(CertificateEntity.From(certificate), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    /// <summary>The request that the certificate renderer picks up; same name for the same certificate, so retries overwrite.</summary>
    public async Task WriteRenderRequestAsync(CertificateRenderRequest request, CancellationToken cancellationToken = default) =>
        await requests.GetBlobClient(CertificateRenderRequest.BlobName(request.Certificate.Id))
            .UploadAsync(BinaryData.FromString(StorageJson.Write(request)), overwrite: true, cancellationToken).ConfigureAwait(false);
}
