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
    /// How long a workflow started for a record that can only wait may put off its first read: until the first change,
    /// or this long. Assigning a certification to a whole group and an LMS catching up on the same learners then
    /// costs one read per change, not one more per start; the read still comes, because the engine drops a signal
    /// that reaches an instance before its start has been processed, and only a read sees what that signal was about.
    /// </summary>
    public static readonly TimeSpan FirstReadWithin = TimeSpan.FromMinutes(1);

    /// <summary>The step that issues certificates must not be lost to a passing storage error.</summary>
    private static readonly TaskOptions Retries = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    [Function(nameof(EnrollmentWorkflow))]
    public static Task<WorkflowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => RunAsync(context);

    public static async Task<WorkflowOutcome> RunAsync(TaskOrchestrationContext context)
    {
        var input = context.GetInput<WorkflowInput>() ?? throw new InvalidOperationException("The workflow needs its enrollment.");
        var signal = new SignalWaiter(context);
        if (input.FirstReadOnChange)
        {
            input = input with { FirstReadOnChange = false };
            await signal.ArrivesBeforeAsync(context.CurrentUtcDateTime.Add(FirstReadWithin));
        }

        for (var step = 0; step < StepsPerGeneration; step++)
        {
            signal.TakeArrived();
            var view = await context.CallActivityAsync<WorkflowView>(nameof(WorkflowActivities.AdvanceEnrollment), input.Enrollment, Retries);
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
