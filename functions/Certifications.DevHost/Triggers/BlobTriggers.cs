using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Certifications.DevHost.Functions;
using Certifications.Functions.Hosting;
using Certifications.Storage.Common;

namespace Certifications.DevHost.Triggers;

/// <summary>
/// Runs the app's [BlobTrigger] functions the way the Functions host does: it watches each trigger's container and
/// invokes the function once per blob version, keeping a receipt (blob name and ETag) in a table so a restarted
/// host does not run them again. A function that throws is retried on the next poll, five times, then given up with
/// an error in the log (the Functions host moves it to a poison queue at that point).
/// </summary>
internal sealed partial class BlobTriggers(
    FunctionCatalog catalog, FunctionActivator activator, StorageAccount storage, IConfiguration configuration, ILogger<BlobTriggers> logger)
    : BackgroundService
{
    private const int MaxAttempts = 5;
    private const string ReceiptsTable = "DevHostBlobReceipts";

    private readonly ConcurrentDictionary<string, Receipt> receipts = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var triggers = Discover().ToArray();
        if (triggers.Length == 0)
        {
            return;
        }

        var table = storage.Table(ReceiptsTable);
        await table.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
        await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: stoppingToken).ConfigureAwait(false))
        {
            receipts[entity.PartitionKey + "|" + Uri.UnescapeDataString(entity.RowKey)] = new Receipt(
                entity.GetString("BlobETag") ?? string.Empty, entity.GetInt32("Failures") ?? 0);
        }

        var interval = TimeSpan.FromMilliseconds(configuration.GetValue("DevHost:BlobPollMilliseconds", 500));
        using var timer = new PeriodicTimer(interval);
        do
        {
            foreach (var trigger in triggers)
            {
                try
                {
                    await PollAsync(trigger, table, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPollFailed(e, trigger.Function.Name);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task PollAsync(Trigger trigger, TableClient table, CancellationToken cancellationToken)
    {
        var container = storage.Container(trigger.Path.Container);
        var due = new List<(string Name, string ETag, Receipt? Receipt)>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var etag = blob.Properties.ETag?.ToString().Trim('"') ?? string.Empty;
            receipts.TryGetValue(trigger.Function.Name + "|" + blob.Name, out var receipt);
            if (receipt is null || (receipt.ETag != etag && receipt.Failures < MaxAttempts)
                || (receipt.ETag == etag && receipt.Failures is > 0 and < MaxAttempts))
            {
                due.Add((blob.Name, etag, receipt));
            }
        }

        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (blob, ct) =>
        {
            var failures = blob.Receipt is { } r && r.ETag == blob.ETag ? r.Failures : 0;
            try
            {
                await InvokeAsync(trigger, container.GetBlobClient(blob.Name), blob.Name, ct).ConfigureAwait(false);
                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures++;
                LogInvocationFailed(e, trigger.Function.Name, blob.Name, failures, MaxAttempts);
            }

            var receipt = new Receipt(blob.ETag, failures);
            receipts[trigger.Function.Name + "|" + blob.Name] = receipt;
            var entity = new TableEntity(trigger.Function.Name, Uri.EscapeDataString(blob.Name))
            {
                ["BlobETag"] = receipt.ETag,
                ["Failures"] = receipt.Failures,
            };
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task InvokeAsync(Trigger trigger, BlobClient blob, string name, CancellationToken cancellationToken)
    {
        Stream content;
        try
        {
            content = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return;
        }

        await using (content.ConfigureAwait(false))
        {
            await activator.InvokeAsync(trigger.Function, Invocation.Blob(content, trigger.Path.Placeholders[0], name), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private IEnumerable<Trigger> Discover() => catalog.With<BlobPath>().Select(b => new Trigger(b.Function, b.Trigger));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger {Function} could not list its container")]
    private partial void LogPollFailed(Exception e, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "Blob trigger {Function} failed on {Blob} (attempt {Attempt} of {MaxAttempts})")]
    private partial void LogInvocationFailed(Exception e, string function, string blob, int attempt, int maxAttempts);

    private sealed record Trigger(FunctionEntry Function, BlobPath Path);

    private sealed record Receipt(string ETag, int Failures);
}
