using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Certifications.Functions.Reports;

/// <summary>
/// One report run of an organization as a durable orchestration: its instance id is per organization
/// (<see cref="InstanceId"/>), so only one run per organization goes at a time and its status can be polled.
/// </summary>
public sealed class ReportRunWorkflow(ReportBuilder builder)
{
    public static string InstanceId(string organizationId) => "reports-" + organizationId;

    [Function(nameof(ReportRun))]
    public static Task<ReportRunResult> ReportRun([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync<ReportRunResult>(nameof(BuildReports), context.GetInput<string>(),
            new TaskOptions(new TaskRetryOptions(new RetryPolicy(3, TimeSpan.FromSeconds(10)))));

    [Function(nameof(BuildReports))]
    public Task<ReportRunResult> BuildReports([ActivityTrigger] string organizationId, CancellationToken cancellationToken) =>
        builder.BuildAsync(organizationId, cancellationToken);
}
