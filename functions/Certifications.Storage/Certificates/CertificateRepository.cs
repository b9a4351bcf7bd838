using System.Runtime.CompilerServices;
using Azure;
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

        var response = await table.GetEntityIfExistsAsync<CertificateEntity>(
            certificateId, CertificateEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new Versioned<Certificate>(response.Value!.ToCertificate(), response.Value.ETag.ToString()) : null;
    }

    /// <summary>Writes the record; writing the same certificate again (a retried activity) replaces it with itself.</summary>
    public async Task SaveAsync(Certificate certificate, CancellationToken cancellationToken = default) =>
        await table.UpsertEntityAsync(CertificateEntity.From(certificate), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    /// <summary>Replaces the record if nobody changed it since it was read.</summary>
    public Task<Result<string>> UpdateAsync(Certificate certificate, string etag, CancellationToken cancellationToken = default) =>
        TableWrites.ConditionalAsync(
            () => table.UpdateEntityAsync(CertificateEntity.From(certificate), new ETag(etag), TableUpdateMode.Replace, cancellationToken), "The certificate");

    /// <summary>Certificates expiring before <paramref name="before"/> (and already expired ones), one server-filtered scan.</summary>
    public async IAsyncEnumerable<Versioned<Certificate>> ExpiringBeforeAsync(
        DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"ExpiresAt le {before}");
        await foreach (var entity in table.QueryAsync<CertificateEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new Versioned<Certificate>(entity.ToCertificate(), entity.ETag.ToString());
        }
    }

    /// <summary>Every certificate, page by page: for one-time work across the whole table (a migration), never per request.</summary>
    public async IAsyncEnumerable<Certificate> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in table.QueryAsync<CertificateEntity>(maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entity.ToCertificate();
        }
    }

    /// <summary>The request that the certificate renderer picks up; same name for the same certificate, so retries overwrite.</summary>
    public async Task WriteRenderRequestAsync(CertificateRenderRequest request, CancellationToken cancellationToken = default) =>
        await requests.GetBlobClient(CertificateRenderRequest.BlobName(request.Certificate.Id))
            .UploadAsync(BinaryData.FromString(StorageJson.Write(request)), overwrite: true, cancellationToken).ConfigureAwait(false);
}
