using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Storage.Common;

namespace Certifications.Storage.Catalog;

/// <summary>An organization's certifications: one partition per organization.</summary>
public sealed class CertificationRepository(StorageAccount storage)
{
    private readonly TableClient table = storage.Table(TableNames.Certifications);

    public async Task<Versioned<Certification>?> GetAsync(string organizationId, string certificationId, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsWellFormed(certificationId, Ids.Certification))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<CertificationEntity>(
            organizationId, certificationId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new Versioned<Certification>(response.Value!.ToCertification(), response.Value.ETag.ToString()) : null;
    }

    public async IAsyncEnumerable<Certification> ListAsync(string organizationId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in table.QueryAsync<CertificationEntity>(
            e => e.PartitionKey == organizationId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entity.ToCertification();
        }
    }

    public Task<Result<string>> CreateAsync(Certification certification, CancellationToken cancellationToken = default) =>
        TableWrites.ConditionalAsync(() => table.AddEntityAsync(CertificationEntity.From(certification), cancellationToken), "The certification");

    public Task<Result<string>> UpdateAsync(Certification certification, string? etag, CancellationToken cancellationToken = default) =>
        TableWrites.ConditionalAsync(
            () => table.UpdateEntityAsync(CertificationEntity.From(certification), TableWrites.IfMatch(etag), TableUpdateMode.Replace, cancellationToken),
            "The certification");
}
