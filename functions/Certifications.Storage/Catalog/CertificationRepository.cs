using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Storage.Common;

namespace Certifications.Storage.Catalog;

/// <summary>An organization's certifications: one partition per organization. Its writes drop the organization's cached reads.</summary>
public sealed class CertificationRepository(StorageAccount storage, OrganizationReadCache cache)
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

    /// <summary>A certification as read within <see cref="OrganizationReadCache.TimeToLive"/> (or as this instance last wrote it).</summary>
    public Task<Certification?> GetCachedAsync(string organizationId, string certificationId, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync(
            organizationId, "certification:" + certificationId,
            async () => (await GetAsync(organizationId, certificationId, cancellationToken).ConfigureAwait(false))?.Value);

    /// <summary>The organization's certifications, read through the cache: what the LMS webhook matches an activity against.</summary>
    public Task<IReadOnlyList<Certification>?> ListCachedAsync(string organizationId, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync(organizationId, "certifications", async () =>
        {
            var all = new List<Certification>();
            await foreach (var certification in ListAsync(organizationId, cancellationToken).ConfigureAwait(false))
            {
                all.Add(certification);
            }

            return (IReadOnlyList<Certification>?)all;
        });

    public async Task<Result<string>> CreateAsync(Certification certification, CancellationToken cancellationToken = default)
    {
        var written = await TableWrites.ConditionalAsync(
            () => table.AddEntityAsync(CertificationEntity.From(certification), cancellationToken), "The certification").ConfigureAwait(false);
        cache.Changed(certification.OrganizationId);
        return written;
    }

    public async Task<Result<string>> UpdateAsync(Certification certification, string? etag, CancellationToken cancellationToken = default)
    {
        var written = await TableWrites.ConditionalAsync(
            () => table.UpdateEntityAsync(CertificationEntity.From(certification), TableWrites.IfMatch(etag), TableUpdateMode.Replace, cancellationToken),
            "The certification").ConfigureAwait(false);
        cache.Changed(certification.OrganizationId);
        return written;
    }
}
