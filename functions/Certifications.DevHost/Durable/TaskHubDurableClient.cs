using DurableTask.Core;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreStatus = DurableTask.Core.OrchestrationStatus;

namespace Certifications.DevHost.Durable;

/// <summary>
/// The <see cref="DurableTaskClient"/> that <c>[DurableClient]</c> parameters get under the dev host: the SDK's client
/// API over the framework's own <see cref="TaskHubClient"/> on the same Azure Storage task hub.
/// </summary>
internal sealed class TaskHubDurableClient(TaskHubClient client) : DurableTaskClient("dev-host")
{
    // An instance that is still going may not be started again; a finished one may (as in Durable Functions).
    private static readonly CoreStatus[] Running = [CoreStatus.Pending, CoreStatus.Running, CoreStatus.ContinuedAsNew, CoreStatus.Suspended];

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        try
        {
            await client.CreateOrchestrationInstanceAsync(
                orchestratorName.Name, string.Empty, instanceId, Serialize(input), null, Running).ConfigureAwait(false);
        }
        catch (OrchestrationAlreadyExistsException e)
        {
            throw new InvalidOperationException($"An orchestration with instance id '{instanceId}' is already running.", e);
        }

        return instanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, Serialize(eventPayload) ?? "null");

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        ToMetadata(await client.GetOrchestrationStateAsync(instanceId).ConfigureAwait(false), getInputsAndOutputs);

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            if (await GetInstancesAsync(
                instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false) is { RuntimeStatus: not OrchestrationRuntimeStatus.Pending } started)
            {
                return started;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation).ConfigureAwait(false);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var state = await client.WaitForOrchestrationAsync(
            new OrchestrationInstance { InstanceId = instanceId }, Timeout.InfiniteTimeSpan, cancellation).ConfigureAwait(false);
        return ToMetadata(state, getInputsAndOutputs) ?? throw new InvalidOperationException($"No orchestration '{instanceId}'.");
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        client.SuspendInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        client.ResumeInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, Serialize(options?.Output) ?? string.Empty);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        throw new NotSupportedException("Listing instances is not offered by the dev host.");

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string? Serialize(object? value) => value is null ? null : DurableJson.Converter.Serialize(value);

    private static OrchestrationMetadata? ToMetadata(OrchestrationState? state, bool withData) =>
        state is null ? null : new OrchestrationMetadata(state.Name, state.OrchestrationInstance.InstanceId)
        {
            RuntimeStatus = (OrchestrationRuntimeStatus)state.OrchestrationStatus,
            CreatedAt = state.CreatedTime,
            LastUpdatedAt = state.LastUpdatedTime,
            SerializedInput = withData ? state.Input : null,
            SerializedOutput = withData ? state.Output : null,
            SerializedCustomStatus = state.Status,
            DataConverter = DurableJson.Converter,
        };
}
