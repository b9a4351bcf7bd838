using Certifications.Domain.Enrollments;
using Certifications.Domain.Progress;
using Certifications.Storage.Enrollments;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Certifications.Functions.Workflow;

/// <summary>
/// Starts and signals enrollment workflows. Both are idempotent: the instance id is the enrollment id, a running
/// instance is only signalled, and a record whose workflow is missing (a crash between writing the record and
/// starting it) gets one started, since a fresh workflow reads the table and picks up where the record stands.
/// </summary>
public sealed partial class EnrollmentWorkflows(EnrollmentRepository enrollments, IMemoryCache seen, TimeProvider clock, ILogger<EnrollmentWorkflows> logger)
{
    private const int Parallelism = 8;

    /// <summary>
    /// How long an instance seen running is signalled without looking it up again: a burst of signals (an LMS posting a
    /// learner's completions) costs one lookup. Raising to an instance that finished meanwhile is dropped harmlessly;
    /// one that failed is restarted by the first signal after this.
    /// </summary>
    private static readonly TimeSpan SeenRunningFor = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Starts the workflow of a record the caller has just written or read, unless it runs already. A record that can
    /// only wait is handed to it as seen, so a promptly processed start needs no read (<see cref="EnrollmentWorkflow.PromptStart"/>).
    /// </summary>
    public async Task EnsureRunningAsync(DurableTaskClient durable, Enrollment enrollment, CancellationToken cancellationToken)
    {
        if (NeedsWorkflow(enrollment))
        {
            await TryStartAsync(durable, enrollment, WorkflowSteps.CanOnlyWait(enrollment), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Starts it; false when it was running already. Starting is the lookup: the engine refuses a second instance
    /// of a running id (Durable Functions does the same), so no read comes first.
    /// </summary>
    private async Task<bool> TryStartAsync(DurableTaskClient durable, Enrollment enrollment, bool canOnlyWait, CancellationToken cancellationToken)
    {
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                nameof(EnrollmentWorkflow), new WorkflowInput(
                    EnrollmentRef.Of(enrollment), Start: canOnlyWait ? new WorkflowStart(clock.GetUtcNow(), enrollment.DueDate) : null),
                    new StartOrchestrationOptions(enrollment.Id), cancellationToken).ConfigureAwait(false);
            seen.Set(SeenKey(enrollment.Id), true, SeenRunningFor);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Running already (or two requests raced to start it and the other one won, which is just as good).
            if (!await IsRunningAsync(durable, enrollment.Id, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }

            return false;
        }
    }

    public Task EnsureRunningAsync(DurableTaskClient durable, IEnumerable<Enrollment> enrollments, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(enrollments, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (e, ct) => await EnsureRunningAsync(durable, e, ct).ConfigureAwait(false));

    /// <summary>Tells the workflow its record changed.</summary>
    public async Task SignalAsync(DurableTaskClient durable, Enrollment enrollment, CancellationToken cancellationToken)
    {
        var seenRunning = seen.TryGetValue(SeenKey(enrollment.Id), out _);
        if (seenRunning || await IsRunningAsync(durable, enrollment.Id, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await RaiseAsync(durable, enrollment.Id, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (seenRunning && e is not OperationCanceledException)
            {
                // It stopped running since it was seen: look it up as if it had never been.
                seen.Remove(SeenKey(enrollment.Id));
                if (await IsRunningAsync(durable, enrollment.Id, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }
            }
        }

        if (NeedsWorkflow(enrollment))
        {
            LogRestarted(enrollment.Id);

            // Another request started it meanwhile: it is signalled after all.
            if (!await TryStartAsync(durable, enrollment, canOnlyWait: false, cancellationToken).ConfigureAwait(false))
            {
                await RaiseAsync(durable, enrollment.Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The delivery sweep's wake-up for a record it found owed a certificate: signalled if its workflow runs, started
    /// again if it ended (even when it ended as earned: the certificate of the award may never have been written).
    /// </summary>
    public async Task ResumeAsync(DurableTaskClient durable, Enrollment enrollment, CancellationToken cancellationToken)
    {
        seen.Remove(SeenKey(enrollment.Id));
        if (await IsRunningAsync(durable, enrollment.Id, cancellationToken).ConfigureAwait(false))
        {
            await RaiseAsync(durable, enrollment.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        LogRestarted(enrollment.Id);
        if (!await TryStartAsync(durable, enrollment, canOnlyWait: false, cancellationToken).ConfigureAwait(false))
        {
            await RaiseAsync(durable, enrollment.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task SignalAsync(DurableTaskClient durable, IEnumerable<Enrollment> enrollments, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(enrollments, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (e, ct) => await SignalAsync(durable, e, ct).ConfigureAwait(false));

    /// <summary>Tells every active enrollment's workflow of a certification that something changed (it was archived).</summary>
    public async Task SignalCertificationAsync(DurableTaskClient durable, string organizationId, string certificationId, CancellationToken cancellationToken)
    {
        var batch = new List<Enrollment>();
        await foreach (var enrollment in enrollments.ActiveAsync(organizationId, certificationId, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(enrollment);
            if (batch.Count == 1000)
            {
                await SignalAsync(durable, batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        await SignalAsync(durable, batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The orchestration's state, for operators; null when none was ever started.</summary>
    public async Task<WorkflowStatus?> StatusAsync(DurableTaskClient durable, string enrollmentId, CancellationToken cancellationToken) =>
        await durable.GetInstanceAsync(enrollmentId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is { } instance
            ? new WorkflowStatus(instance.InstanceId, instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt)
            : null;

    private static bool NeedsWorkflow(Enrollment enrollment) => enrollment.IsActive && (enrollment.EarnedAt is null || enrollment.CertificateId is null);

    /// <summary>Whether the enrollment's workflow is running (or about to), as the engine says now.</summary>
    public async Task<bool> IsRunningAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken)
    {
        var running = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is
        {
            RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended,
        };
        if (running)
        {
            seen.Set(SeenKey(instanceId), true, SeenRunningFor);
        }

        return running;
    }

    private static Task RaiseAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken) =>
        durable.RaiseEventAsync(instanceId, WorkflowSignals.Changed, "changed", cancellationToken);

    private static string SeenKey(string instanceId) => "workflow-running:" + instanceId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrollment {EnrollmentId} had no running workflow; started one")]
    private partial void LogRestarted(string enrollmentId);
}

/// <summary>The runtime state of an enrollment's orchestration, as admins see it in the enrollment detail.</summary>
public sealed record WorkflowStatus(string InstanceId, string RuntimeStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt);
