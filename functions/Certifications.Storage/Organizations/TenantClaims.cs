using Azure;
using Azure.Data.Tables;
using Certifications.Storage.Common;

namespace Certifications.Storage.Organizations;

/// <summary>
/// Which organization an Entra tenant belongs to: one row per tenant, so no two organizations can let the same
/// company's accounts in. A claim left behind by a change that did not complete (its organization names another
/// tenant now) is taken over, so a crash never locks a tenant out.
/// </summary>
public sealed class TenantClaims(StorageAccount storage, OrganizationRepository organizations)
{
    private const string ClaimRow = "tenant-claim";
    private const string OrganizationIdColumn = "OrganizationId";

    private readonly TableClient table = storage.Table(TableNames.Organizations);

    /// <summary>True when the tenant is now (or was already) the organization's; false when another organization has it.</summary>
    public async Task<bool> ClaimAsync(string tenantId, string organizationId, CancellationToken cancellationToken = default)
    {
        var claim = new TableEntity(Partition(tenantId), ClaimRow) { [OrganizationIdColumn] = organizationId };
        try
        {
            await table.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = (await table.GetEntityAsync<TableEntity>(Partition(tenantId), ClaimRow, cancellationToken: cancellationToken)
                .ConfigureAwait(false)).Value;
            var owner = existing.GetString(OrganizationIdColumn);
            if (owner == organizationId)
            {
                return true;
            }

            var holder = await organizations.GetAsync(owner, cancellationToken).ConfigureAwait(false);
            if (string.Equals(holder?.Value.EntraTenantId, tenantId, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var taken = await TableWrites.ConditionalAsync(
                () => table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken), "The tenant claim").ConfigureAwait(false);
            return taken.IsSuccess;
        }
    }

    /// <summary>Gives the tenant up, if this organization holds it.</summary>
    public async Task ReleaseAsync(string tenantId, string organizationId, CancellationToken cancellationToken = default)
    {
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId), ClaimRow, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (existing.HasValue && existing.Value!.GetString(OrganizationIdColumn) == organizationId)
        {
            try
            {
                await table.DeleteEntityAsync(existing.Value, existing.Value.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Someone else took it meanwhile: theirs now.
            }
        }
    }

    private static string Partition(string tenantId) => "tenant|" + tenantId.ToLowerInvariant();
}
