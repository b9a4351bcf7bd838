using Azure.Data.Tables;
using Certifications.Domain.Common;
using Certifications.Domain.Organizations;
using Certifications.Storage.Common;

namespace Certifications.Storage.Organizations;

/// <summary>Organizations and their settings.</summary>
public sealed class OrganizationRepository(StorageAccount storage)
{
    private readonly TableClient table = storage.Table(TableNames.Organizations);

    public async Task<Versioned<Organization>?> GetAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<OrganizationEntity>(organizationId, OrganizationEntity.SettingsRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new Versioned<Organization>(response.Value!.ToOrganization(), response.Value.ETag.ToString()) : null;
    }

    public Task<Result<string>> CreateAsync(Organization organization, CancellationToken cancellationToken = default) =>
        TableWrites.ConditionalAsync(() => table.AddEntityAsync(OrganizationEntity.From(organization), cancellationToken), "The organization");

    public Task<Result<string>> UpdateAsync(Organization organization, string? etag, CancellationToken cancellationToken = default) =>
        TableWrites.ConditionalAsync(
            () => table.UpdateEntityAsync(OrganizationEntity.From(organization), TableWrites.IfMatch(etag), TableUpdateMode.Replace, cancellationToken),
            "The organization settings");

    /// <summary>Every organization, for nightly work across tenants.</summary>
    public async IAsyncEnumerable<Organization> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in table.QueryAsync<OrganizationEntity>(e => e.RowKey == OrganizationEntity.SettingsRow, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entity.ToOrganization();
        }
    }
}
