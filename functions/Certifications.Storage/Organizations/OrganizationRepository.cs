using Azure.Data.Tables;
using Certifications.Domain.Common;
using Certifications.Domain.Organizations;
using Certifications.Storage.Common;
using Certifications.Storage.Secrets;

namespace Certifications.Storage.Organizations;

/// <summary>
/// Organizations and their settings; webhook secrets are protected on the way in and opened on the way out. Its writes
/// drop the organization's cached reads.
/// </summary>
public sealed class OrganizationRepository(StorageAccount storage, SecretProtector secrets, OrganizationReadCache cache)
{
    private readonly TableClient table = storage.Table(TableNames.Organizations);

    public async Task<Versioned<Organization>?> GetAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<OrganizationEntity>(
            organizationId, OrganizationEntity.SettingsRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? new Versioned<Organization>(
            await OpenAsync(response.Value!, cancellationToken).ConfigureAwait(false), response.Value!.ETag.ToString()) : null;
    }

    /// <summary>The organization as read within <see cref="OrganizationReadCache.TimeToLive"/> (or as this instance last wrote it).</summary>
    public Task<Organization?> GetCachedAsync(string organizationId, CancellationToken cancellationToken = default) =>
        cache.GetOrReadAsync(organizationId, "organization", async () => (await GetAsync(organizationId, cancellationToken).ConfigureAwait(false))?.Value);

    public async Task<Result<string>> CreateAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        var entity = await SealAsync(organization, cancellationToken).ConfigureAwait(false);
        var written = await TableWrites.ConditionalAsync(() => table.AddEntityAsync(entity, cancellationToken), "The organization").ConfigureAwait(false);
        cache.Changed(organization.Id);
        return written;
    }

    public async Task<Result<string>> UpdateAsync(Organization organization, string? etag, CancellationToken cancellationToken = default)
    {
        var entity = await SealAsync(organization, cancellationToken).ConfigureAwait(false);
        var written = await TableWrites.ConditionalAsync(
            () => table.UpdateEntityAsync(entity, TableWrites.IfMatch(etag), TableUpdateMode.Replace, cancellationToken),
            "The organization settings").ConfigureAwait(false);
        cache.Changed(organization.Id);
        return written;
    }

    /// <summary>Every organization, for nightly work across tenants.</summary>
    public async IAsyncEnumerable<Organization> ListAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in table.QueryAsync<OrganizationEntity>(
            e => e.RowKey == OrganizationEntity.SettingsRow, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return await OpenAsync(entity, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<OrganizationEntity> SealAsync(Organization organization, CancellationToken cancellationToken)
    {
        var entity = OrganizationEntity.From(organization);
        entity.WebhookSecret = organization.WebhookSecret is { } current ? await secrets.ProtectAsync(current, cancellationToken).ConfigureAwait(false) : null;
        entity.PreviousWebhookSecret = organization.PreviousWebhookSecret is { } previous ? await secrets.ProtectAsync(
            previous, cancellationToken).ConfigureAwait(false) : null;
        return entity;
    }

    private async Task<Organization> OpenAsync(OrganizationEntity entity, CancellationToken cancellationToken) => entity.ToOrganization() with
    {
        WebhookSecret = await OpenAsync(entity.WebhookSecret, cancellationToken).ConfigureAwait(false),
        PreviousWebhookSecret = await OpenAsync(entity.PreviousWebhookSecret, cancellationToken).ConfigureAwait(false),
    };

    /// <summary>A stored secret opened; one kept in clear before secrets were protected is read as it is, and sealed at the next write.</summary>
    private async Task<string?> OpenAsync(string? stored, CancellationToken cancellationToken) =>
        stored is null ? null
        : stored.StartsWith(WebhookSecrets.Prefix, StringComparison.Ordinal) ? stored
        : await secrets.UnprotectAsync(stored, cancellationToken).ConfigureAwait(false);
}
