using Azure.Data.Tables;
using DurableTask.AzureStorage;
using DurableTask.Core;

namespace Certifications.Bench;

/// <summary>
/// The floor for the workflow: a plain Durable Task Framework orchestration on the same Azure Storage engine that
/// waits for three events and then calls one activity, which writes one table entity (the "certificate record").
/// </summary>
public sealed class BareWorkflow : IAsyncDisposable
{
    public const string EventName = "criterion";

    private readonly AzureStorageOrchestrationService service;
    private readonly TaskHubWorker worker;

    private BareWorkflow(AzureStorageOrchestrationService service, TaskHubWorker worker, TaskHubClient client)
    {
        this.service = service;
        this.worker = worker;
        Client = client;
    }

    public TaskHubClient Client { get; }

    public static async Task<BareWorkflow> StartAsync(string connectionString, string taskHub)
    {
        var service = new AzureStorageOrchestrationService(
            DevHost.Durable.DurableEngine.Settings(connectionString, taskHub, 4, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        await service.CreateIfNotExistsAsync();
        var records = new TableClient(connectionString, "BareCertificates");
        await records.CreateIfNotExistsAsync();
        var worker = new TaskHubWorker(service);
        worker.AddTaskOrchestrations(typeof(ThreeEvents));
        worker.AddTaskActivities(new IssueRecord(records));
        await worker.StartAsync();
        return new BareWorkflow(service, worker, new TaskHubClient(service));
    }

    public async ValueTask DisposeAsync()
    {
        await worker.StopAsync(isForced: true);
        worker.Dispose();
        GC.KeepAlive(service);
    }

    /// <summary>Waits for three events, then issues.</summary>
    public sealed class ThreeEvents : TaskOrchestration<string, string, string, string>
    {
        private readonly TaskCompletionSource allThree = new();
        private int received;

        public override async Task<string> RunTask(OrchestrationContext context, string input)
        {
            await allThree.Task;
            return await context.ScheduleTask<string>(typeof(IssueRecord), input);
        }

        public override void OnEvent(OrchestrationContext context, string name, string input)
        {
            if (++received == 3)
            {
                allThree.TrySetResult();
            }
        }
    }

    /// <summary>Writes the record, as the app's issue-certificate activity does.</summary>
    public sealed class IssueRecord(TableClient records) : AsyncTaskActivity<string, string>
    {
        protected override async Task<string> ExecuteAsync(TaskContext context, string input)
        {
            await records.UpsertEntityAsync(new TableEntity("bare", input) { ["IssuedAt"] = DateTimeOffset.UtcNow });
            return input;
        }
    }
}
