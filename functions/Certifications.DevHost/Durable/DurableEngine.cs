using Certifications.DevHost.Functions;
using Certifications.Functions.Hosting;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace Certifications.DevHost.Durable;

/// <summary>
/// Runs the app's orchestrators and activities on the Durable Task Framework's Azure Storage engine (the backend Durable
/// Functions uses) against the same storage as the app, and offers the client the HTTP functions bind.
/// </summary>
internal sealed class DurableEngine : IHostedService, IAsyncDisposable
{
    /// <summary>The setting naming the task hub's storage, when it is not the app's own (Storage:ConnectionString).</summary>
    public const string ConnectionSetting = "DevHost:TaskHubConnectionString";

    private readonly AzureStorageOrchestrationService service;
    private readonly TaskHubWorker worker;
    private readonly CancellationTokenSource stopping = new();

    public DurableEngine(DurableEngineOptions options, FunctionCatalog catalog, FunctionActivator activator, ILoggerFactory loggers)
    {
        service = new AzureStorageOrchestrationService(Settings(options.ConnectionString, options.TaskHubName, options.PartitionCount, loggers));
        Client = new TaskHubDurableClient(new TaskHubClient(service, new PassThroughDataConverter(), loggers));

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = DurableJson.Converter }, loggers);
        worker = new TaskHubWorker(service, loggers);
        worker.AddTaskOrchestrations([.. catalog.With<Orchestration>().Select(o =>
        {
            var orchestrator = new FunctionOrchestrator(o.Function, activator);
            return (ObjectCreator<TaskOrchestration>)new ShimCreator<TaskOrchestration>(
                o.Function.Name, () => shims.CreateOrchestration(o.Function.Name, orchestrator));
        })]);
        worker.AddTaskActivities([.. catalog.With<Activity>().Select(a =>
        {
            var activity = new FunctionActivity(a.Function, activator, stopping.Token);
            return (ObjectCreator<TaskActivity>)new ShimCreator<TaskActivity>(a.Function.Name, () => shims.CreateActivity(a.Function.Name, activity));
        })]);
    }

    public DurableTaskClient Client { get; }

    /// <summary>The engine's settings for a task hub on the given storage (the benchmark's bare engine uses the same).</summary>
    public static AzureStorageOrchestrationServiceSettings Settings(
        string connectionString, string taskHub, int partitionCount, ILoggerFactory loggers) => new()
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            LoggerFactory = loggers,
            PartitionCount = partitionCount,

            // As Durable Functions does (maxConcurrentActivityFunctions: ten per processor). The engine's own default of ten in
            // all held every award for seconds under load: the work-item queue waited for a free slot, not for storage.
            MaxConcurrentTaskActivityWorkItems = 10 * Environment.ProcessorCount,

            // Azurite on one machine: poll the queues often, so a signal is picked up in tens of milliseconds, not seconds.
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),

            // A host killed mid-work leaves its messages invisible for this long before another host picks them up;
            // Durable Functions' five minutes is long for a developer restarting the dev host.
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            LeaseInterval = TimeSpan.FromSeconds(15),
            LeaseRenewInterval = TimeSpan.FromSeconds(5),

            // A busy Azurite can take longer than the default two seconds to answer the lease table; the engine would
            // then retry at once, adding load just when there is most.
            PartitionTableOperationTimeout = TimeSpan.FromSeconds(10),
        };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);
        await worker.StartAsync().ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        // Not forced: work in hand is finished or handed back, and the partitions released for the next host.
        await worker.StopAsync(isForced: false).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        worker.Dispose();
        stopping.Dispose();
        await Client.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Where the engine keeps its task hub.</summary>
internal sealed record DurableEngineOptions(string ConnectionString, string TaskHubName, int PartitionCount = 4);
