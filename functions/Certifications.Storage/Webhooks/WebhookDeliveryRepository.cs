using Azure;
using Azure.Data.Tables;
using Certifications.Storage.Common;

namespace Certifications.Storage.Webhooks;

/// <summary>
/// Deliveries received from LMSs, keyed by the sender's webhook-id: the record of what each did, and how a
/// redelivery is recognised. One partition per organization.
/// </summary>
public sealed class WebhookDeliveryRepository(StorageAccount storage)
{
    private readonly TableClient table = storage.Table(TableNames.WebhookDeliveries);

    public async Task<WebhookDelivery?> GetAsync(string organizationId, string webhookId, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            organizationId, Key(webhookId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? StorageJson.Read<WebhookDelivery?>(response.Value!.GetString("Data"), null) : null;
    }

    /// <summary>Records a delivery; false when the same webhook-id was recorded first by a concurrent delivery.</summary>
    public async Task<bool> TryRecordAsync(string organizationId, WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.AddEntityAsync(
                new TableEntity(organizationId, Key(delivery.WebhookId)) { ["Data"] = StorageJson.Write(delivery), ["Outcome"] = delivery.Outcome },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Adds a delivery to the organization's recent list, kept newest first by the key. Separate from the record above, which is keyed for
    /// finding redeliveries; writing it again (a retry) replaces the same row.
    /// </summary>
    public Task AddToRecentAsync(string organizationId, WebhookDelivery delivery, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(
            new TableEntity(RecentPartition(organizationId), RecentKey(delivery)) { ["Data"] = StorageJson.Write(delivery) },
            TableUpdateMode.Replace, cancellationToken);

    /// <summary>One page of the organization's deliveries, newest first.</summary>
    public Task<ListPage<WebhookDelivery>> RecentAsync(
        string organizationId, int pageSize, string? continuationToken, CancellationToken cancellationToken = default) =>
        Paging.ReadPageAsync(
            table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {RecentPartition(organizationId)}"), pageSize, cancellationToken: cancellationToken),
            pageSize, continuationToken, e => StorageJson.Read<WebhookDelivery?>(e.GetString("Data"), null)!, cancellationToken);

    private static string Key(string webhookId) => RowKeys.Encode(webhookId);

    private static string RecentPartition(string organizationId) => organizationId + "~recent";

    // Ticks counted down from the end of time sort the newest first; the id keeps two deliveries of one tick apart.
    private static string RecentKey(WebhookDelivery delivery) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - delivery.ReceivedAt.UtcTicks:D19}-{Key(delivery.WebhookId)}";
}

/// <summary>One received delivery and what it did.</summary>
public sealed record WebhookDelivery(
    string WebhookId, DateTimeOffset ReceivedAt, string? LearnerId, string ActivityId, string Outcome, IReadOnlyList<string> CompletedEnrollments);
