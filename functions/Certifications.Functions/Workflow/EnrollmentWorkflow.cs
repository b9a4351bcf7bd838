using Certifications.Domain.Progress;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Certifications.Functions.Workflow;

/// <summary>
/// One orchestration per enrollment: on every change of the record it advances it through one activity (which asks
/// for approval when required and issues the certificate once all is met), then waits again, reminding before and
/// after the due date and while an approval is pending. Deterministic: time comes from the context, everything else
/// from activities.
/// </summary>
public static class EnrollmentWorkflow
{
    /// <summary>Advances of the record before the history is trimmed by continuing as new.</summary>
    public const int StepsPerGeneration = 100;

    /// <summary>
    /// A workflow started for a record that can only wait skips its first read when its start is processed within
    /// this long of being scheduled: its starter has just seen the record, and every change since is signalled.
    /// Assigning a certification to a whole group then costs no read per learner. Started later, it reads at once:
    /// the engine puts back (for two seconds) a start it finds before the instance's row is written, and drops a
    /// signal that reaches the instance meanwhile; only a read sees what that signal was about.
    /// </summary>
    public static readonly TimeSpan PromptStart = TimeSpan.FromSeconds(1);

    /// <summary>The step that issues certificates must not be lost to a passing storage error.</summary>
    private static readonly TaskOptions Retries = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    [Function(nameof(EnrollmentWorkflow))]
    public static Task<WorkflowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => RunAsync(context);

    public static async Task<WorkflowOutcome> RunAsync(TaskOrchestrationContext context)
    {
        var input = context.GetInput<WorkflowInput>() ?? throw new InvalidOperationException("The workflow needs its enrollment.");
        var signal = new SignalWaiter(context);
        if (input.Start is { } start)
        {
            input = input with { Start = null };
            if (context.CurrentUtcDateTime - start.ScheduledAt.UtcDateTime <= PromptStart)
            {
                // Waiting as a read would have had it wait; if the due-date reminder comes first, the read below sends it.
                await signal.ArrivesBeforeAsync(Reminders.NextDue(start.DueDate, 0, context.CurrentUtcDateTime)?.At);
            }
        }

        for (var step = 0; step < StepsPerGeneration; step++)
        {
            signal.TakeArrived();
            var view = await context.CallActivityAsync<AdvanceOutcome>(nameof(WorkflowActivities.AdvanceEnrollment), input.Enrollment, Retries);
            switch (view.Next)
            {
                case WorkflowNext.End:
                    return WorkflowOutcome.Ended;

                case WorkflowNext.Done:
                    return WorkflowOutcome.Earned;

                case WorkflowNext.WaitForApproval:
                    if (view.ApprovalRequestedAt != input.ApprovalRequestedAt)
                    {
                        // A new request (the first, or after a resubmission): its reminders start from nought.
                        input = input with { ApprovalRequestedAt = view.ApprovalRequestedAt, ApprovalRemindersSent = 0 };
                    }

                    var remindAt = Reminders.NextApproval(view.ApprovalRequestedAt ?? context.CurrentUtcDateTime, input.ApprovalRemindersSent);
                    if (!await signal.ArrivesBeforeAsync(remindAt))
                    {
                        await context.CallActivityAsync(nameof(WorkflowActivities.RemindReviewers), input.Enrollment);
                        input = input with { ApprovalRemindersSent = input.ApprovalRemindersSent + 1 };
                    }

                    break;

                default:
                    var due = Reminders.NextDue(view.DueDate, input.DueRemindersSent, context.CurrentUtcDateTime);
                    if (!await signal.ArrivesBeforeAsync(due?.At))
                    {
                        await context.CallActivityAsync(nameof(WorkflowActivities.RemindLearner), new DueReminderRequest(input.Enrollment, due!.Kind));
                        input = input with { DueRemindersSent = due.SentAfter };
                    }

                    break;
            }
        }

        context.ContinueAsNew(input, preserveUnprocessedEvents: true);
        return WorkflowOutcome.ContinuedAsNew;
    }
}
