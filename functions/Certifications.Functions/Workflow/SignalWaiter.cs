using Microsoft.DurableTask;

namespace Certifications.Functions.Workflow;

/// <summary>
/// Waits for the "record changed" signal, or a moment, whichever comes first. When the moment wins, the same wait is
/// kept for next time: external events go to the newest waiter, so a new waiter on top of an abandoned one would be
/// fine, but an abandoned one on top would swallow the next signal.
/// </summary>
internal sealed class SignalWaiter(TaskOrchestrationContext context)
{
    private const int MaxTakenAtOnce = 100;

    private Task<string?>? pending;

    /// <summary>
    /// Takes every signal that has already arrived: the read that follows covers them all, so a burst of changes
    /// (three LMS completions in a row) costs one read, not three. Deterministic: what has arrived at this point
    /// is fixed by the history. Bounded, so a flood cannot keep the orchestrator here.
    /// </summary>
    public void TakeArrived()
    {
        for (var taken = 0; taken < MaxTakenAtOnce; taken++)
        {
            var signal = pending ??= context.WaitForExternalEvent<string?>(WorkflowEvents.Changed);
            if (!signal.IsCompleted)
            {
                return;
            }

            pending = null;
        }
    }

    /// <summary>True when the record changed; false when <paramref name="moment"/> came first. No moment: wait for the change.</summary>
    public async Task<bool> ArrivesBeforeAsync(DateTimeOffset? moment)
    {
        var signal = pending ??= context.WaitForExternalEvent<string?>(WorkflowEvents.Changed);
        if (moment is null || signal.IsCompleted)
        {
            await signal;
            pending = null;
            return true;
        }

        using var timerCancellation = new CancellationTokenSource();
        var timer = context.CreateTimer(moment.Value.UtcDateTime, timerCancellation.Token);
        if (await Task.WhenAny(signal, timer) != signal)
        {
            return false;
        }

        // Synchronously: CancelAsync would finish on the thread pool, outside the engine's scheduler, and the
        // orchestrator would never be resumed.
#pragma warning disable CA1849
        timerCancellation.Cancel();
#pragma warning restore CA1849
        pending = null;
        return true;
    }
}
