using System.Collections.Concurrent;
using System.Reflection;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Certifications.Functions.Identity;
using Certifications.Storage.Common;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.DevHost.Triggers;

/// <summary>
/// Runs the app's [BlobTrigger] functions the way the Functions host does: it watches each trigger's container and
/// invokes the function once per blob version, keeping a receipt (blob name and ETag) in a table so a restarted
/// host does not run them again. A function that throws is retried on the next poll, five times, then given up with
/// an error in the log (the Functions host moves it to a poison queue at that point).
/// </summary>
internal sealed partial class BlobTriggers(IServiceProvider services, StorageAccount storage, IConfiguration configuration, ILogger<BlobTriggers> logger)
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
                    LogPollFailed(e, trigger.Function);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task PollAsync(Trigger trigger, TableClient table, CancellationToken cancellationToken)
    {
        var container = storage.Container(trigger.Container);
        var due = new List<(string Name, string ETag, Receipt? Receipt)>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var etag = blob.Properties.ETag?.ToString().Trim('"') ?? string.Empty;
            receipts.TryGetValue(trigger.Function + "|" + blob.Name, out var receipt);
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
                LogInvocationFailed(e, trigger.Function, blob.Name, failures, MaxAttempts);
            }

            var receipt = new Receipt(blob.ETag, failures);
            receipts[trigger.Function + "|" + blob.Name] = receipt;
            var entity = new TableEntity(trigger.Function, Uri.EscapeDataString(blob.Name)) { ["BlobETag"] = receipt.ETag, ["Failures"] = receipt.Failures };
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
            var instance = trigger.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, trigger.Method.DeclaringType!);
            var arguments = trigger.Method.GetParameters().Select(p => p.ParameterType switch
            {
                var t when t == typeof(Stream) => content,
                var t when t == typeof(string) => name,
                var t when t == typeof(CancellationToken) => (object)cancellationToken,
                _ => throw new NotSupportedException($"{trigger.Function}: the dev host binds a blob trigger's Stream, its name and a CancellationToken only."),
            }).ToArray();
            if (trigger.Method.Invoke(instance, arguments) is Task task)
            {
                await task.ConfigureAwait(false);
            }
        }
    }

    private static IEnumerable<Trigger> Discover()
    {
        foreach (var method in EndpointCatalog.FunctionMethods())
        {
            if (method.GetParameters().Select(p => p.GetCustomAttribute<BlobTriggerAttribute>()).FirstOrDefault(a => a is not null) is { } attribute)
            {
                var container = attribute.BlobPath.Split('/')[0];
                yield return new Trigger(method.GetCustomAttribute<FunctionAttribute>()!.Name, container, method);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger {Function} could not list its container")]
    private partial void LogPollFailed(Exception e, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "Blob trigger {Function} failed on {Blob} (attempt {Attempt} of {MaxAttempts})")]
    private partial void LogInvocationFailed(Exception e, string function, string blob, int attempt, int maxAttempts);

    private sealed record Trigger(string Function, string Container, MethodInfo Method);

    private sealed record Receipt(string ETag, int Failures);
}
