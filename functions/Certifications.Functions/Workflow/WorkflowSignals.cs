using Certifications.Domain.Enrollments;
using Certifications.Domain.Progress;
using Certifications.Storage.Enrollments;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Certifications.Functions.Workflow;

/// <summary>
/// The one place an enrollment's workflow is started or woken. Services hand it what they wrote, and it decides:
/// <list type="bullet">
/// <item>a record just created (or found enrolled by a retried request) gets its workflow started;</item>
/// <item>a record changed wakes its workflow only when the change gives it something to do (<see cref="WorkflowSteps.Wakes"/>:
/// the criterion that completes the last, a withdrawal, a decision, a new due date; not a learner's first criteria);</item>
/// <item>an archived certification wakes every active record of it, so each workflow reads it and ends;</item>
/// <item>the delivery sweep resumes a record owed a certificate, even one whose workflow ended.</item>
/// </list>
/// Each is idempotent: the instance id is the enrollment id, a running instance is only signalled, and a record whose
/// workflow is missing (a crash between writing the record and starting it) gets one started, since a fresh workflow
/// reads the table and picks up where the record stands. Nothing else in the app starts or signals a workflow.
/// </summary>
public sealed partial class WorkflowSignals(EnrollmentRepository enrollments, TimeProvider clock, ILogger<WorkflowSignals> logger)
{
    private const int Parallelism = 8;

    /// <summary>
    /// Starts the workflow of a record the caller has just created (or found enrolled), unless it runs already. A record
    /// that can only wait is handed to it as seen, so a promptly processed start needs no read (<see cref="EnrollmentWorkflow.PromptStart"/>).
    /// </summary>
    public async Task StartAsync(DurableTaskClient durable, Enrollment enrollment, CancellationToken cancellationToken)
    {
        if (WorkflowSteps.NeedsWorkflow(enrollment))
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

    public Task StartAsync(DurableTaskClient durable, IEnumerable<Enrollment> created, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(created, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (e, ct) => await StartAsync(durable, e, ct).ConfigureAwait(false));

    /// <summary>After a record was written from <paramref name="before"/> to <paramref name="after"/>: wakes its workflow if that is news to it.</summary>
    public Task ChangedAsync(DurableTaskClient durable, Enrollment before, Enrollment after, CancellationToken cancellationToken) =>
        WorkflowSteps.Wakes(before, after) ? WakeAsync(durable, after, cancellationToken) : Task.CompletedTask;

    /// <summary>Tells the workflow its record changed; starts it again if it is missing and the record still needs one.</summary>
    private async Task WakeAsync(DurableTaskClient durable, Enrollment enrollment, CancellationToken cancellationToken)
    {
        // One instance read per wake. A 30-second "seen running" cache stood here while every completion woke the
        // workflow; since only the one that completes the criteria does (WorkflowSteps.Wakes), it saved a read only for a
        // record completed within 30 s of its start, which a learner never is (docs/performance.md, issue #26).
        if (await IsRunningAsync(durable, enrollment.Id, cancellationToken).ConfigureAwait(false))
        {
            await RaiseAsync(durable, enrollment.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (WorkflowSteps.NeedsWorkflow(enrollment))
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

    private Task WakeAsync(DurableTaskClient durable, IEnumerable<Enrollment> enrollments, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(enrollments, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (e, ct) => await WakeAsync(durable, e, ct).ConfigureAwait(false));

    /// <summary>A certification was archived: every active record's workflow reads it again, and ends.</summary>
    public async Task ArchivedAsync(DurableTaskClient durable, string organizationId, string certificationId, CancellationToken cancellationToken)
    {
        var batch = new List<Enrollment>();
        await foreach (var enrollment in enrollments.ActiveAsync(organizationId, certificationId, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(enrollment);
            if (batch.Count == 1000)
            {
                await WakeAsync(durable, batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        await WakeAsync(durable, batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The orchestration's state, for operators; null when none was ever started.</summary>
    public async Task<WorkflowStatus?> StatusAsync(DurableTaskClient durable, string enrollmentId, CancellationToken cancellationToken) =>
        await durable.GetInstanceAsync(enrollmentId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is { } instance
            ? new WorkflowStatus(instance.InstanceId, instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt)
            : null;

    /// <summary>Whether the enrollment's workflow is running (or about to), as the engine says now.</summary>
    public async Task<bool> IsRunningAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken)
    {
        return await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is
        {
            RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended,
        };
    }

    private static Task RaiseAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken) =>
        durable.RaiseEventAsync(instanceId, WorkflowEvents.Changed, "changed", cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrollment {EnrollmentId} had no running workflow; started one")]
    private partial void LogRestarted(string enrollmentId);
}

/// <summary>The runtime state of an enrollment's orchestration, as admins see it in the enrollment detail.</summary>
public sealed record WorkflowStatus(string InstanceId, string RuntimeStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt);
