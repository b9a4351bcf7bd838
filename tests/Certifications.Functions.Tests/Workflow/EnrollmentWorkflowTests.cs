using Certifications.Domain.Progress;
using Certifications.Functions.Workflow;
using Microsoft.DurableTask;
using Moq;

namespace Certifications.Functions.Tests.Workflow;

/// <summary>The orchestrator's paths, on a mocked context: which activities it calls, with what, and what it waits for.</summary>
public class EnrollmentWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    private static readonly EnrollmentRef Enrollment = new("org_1", "crt_1", "usr_1");

    private readonly Mock<TaskOrchestrationContext> context = new() { CallBase = true };
    private readonly List<string> calls = [];
    private readonly List<TaskCompletionSource<string?>> waiting = [];
    private Func<WorkflowView> nextRead = () => throw new InvalidOperationException("No reads set up.");

    public EnrollmentWorkflowTests()
    {
        context.Setup(c => c.GetInput<WorkflowInput>()).Returns(new WorkflowInput(Enrollment));
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.Setup(c => c.CallActivityAsync<object>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName name, object? _, TaskOptions? _) => calls.Add(name.Name))
            .ReturnsAsync((object?)null!);
        context.Setup(c => c.CallActivityAsync<string?>(It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.IssueCertificate)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback(() => calls.Add(nameof(WorkflowActivities.IssueCertificate)))
            .ReturnsAsync("cer_1");
        SignalsArrive();
    }

    [Fact]
    public async Task Without_approval_it_waits_for_progress_then_issues_the_certificate()
    {
        Reads(WorkflowNext.WaitForProgress, WorkflowNext.WaitForProgress, WorkflowNext.Award);

        var outcome = await EnrollmentWorkflow.RunAsync(context.Object);

        Assert.Equal(WorkflowOutcome.Earned, outcome);
        Assert.Equal([nameof(WorkflowActivities.IssueCertificate)], calls);
        // One wait before each read: the signals that arrived during a read are what the next read is for.
        context.Verify(c => c.WaitForExternalEvent<string?>(WorkflowSignals.Changed, It.IsAny<CancellationToken>()), Times.Exactly(3));
        context.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task With_approval_it_asks_the_reviewers_waits_for_the_decision_then_issues()
    {
        Reads(WorkflowNext.RequestApproval, WorkflowNext.WaitForApproval, WorkflowNext.Award);

        var outcome = await EnrollmentWorkflow.RunAsync(context.Object);

        Assert.Equal(WorkflowOutcome.Earned, outcome);
        Assert.Equal([nameof(WorkflowActivities.RequestApproval), nameof(WorkflowActivities.IssueCertificate)], calls);
    }

    [Fact]
    public async Task A_rejection_waits_for_the_resubmission_and_asks_for_approval_again()
    {
        Reads(WorkflowNext.RequestApproval, WorkflowNext.WaitForApproval, WorkflowNext.WaitForProgress,
            WorkflowNext.RequestApproval, WorkflowNext.WaitForApproval, WorkflowNext.Award);

        var outcome = await EnrollmentWorkflow.RunAsync(context.Object);

        Assert.Equal(WorkflowOutcome.Earned, outcome);
        Assert.Equal(
            [nameof(WorkflowActivities.RequestApproval), nameof(WorkflowActivities.RequestApproval), nameof(WorkflowActivities.IssueCertificate)],
            calls);
    }

    [Fact]
    public async Task While_approval_waits_the_reviewers_are_reminded_when_no_decision_comes()
    {
        SignalsNeverArrive();
        Reads(WorkflowNext.WaitForApproval, WorkflowNext.End);

        await EnrollmentWorkflow.RunAsync(context.Object);

        Assert.Equal([nameof(WorkflowActivities.RemindReviewers)], calls);
        context.Verify(c => c.CreateTimer(Now.AddDays(2), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Before_the_due_date_the_learner_is_reminded_when_nothing_happens()
    {
        SignalsNeverArrive();
        var due = new DateTimeOffset(Now.AddDays(10));
        context.SetupSequence(c => c.CallActivityAsync<WorkflowView>(It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.ReadEnrollment)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new WorkflowView(WorkflowNext.WaitForProgress, due, null))
            .ReturnsAsync(new WorkflowView(WorkflowNext.End, due, null));
        object? reminder = null;
        context.Setup(c => c.CallActivityAsync<object>(It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.RemindLearner)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? input, TaskOptions? _) => reminder = input)
            .ReturnsAsync((object?)null!);

        await EnrollmentWorkflow.RunAsync(context.Object);

        context.Verify(c => c.CreateTimer(due.AddDays(-3).UtcDateTime, It.IsAny<CancellationToken>()));
        Assert.Equal(new DueReminderRequest(Enrollment, DueReminderKind.DueSoon), reminder);
    }

    [Fact]
    public async Task Signals_that_arrived_together_cost_one_read()
    {
        context.Setup(c => c.WaitForExternalEvent<string?>(WorkflowSignals.Changed, It.IsAny<CancellationToken>())).ReturnsAsync("changed");
        Reads(WorkflowNext.Award);

        Assert.Equal(WorkflowOutcome.Earned, await EnrollmentWorkflow.RunAsync(context.Object));
        context.Verify(c => c.CallActivityAsync<WorkflowView>(It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.ReadEnrollment)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Once);
    }

    [Fact]
    public async Task A_withdrawal_ends_it_without_a_certificate()
    {
        Reads(WorkflowNext.WaitForProgress, WorkflowNext.End);

        var outcome = await EnrollmentWorkflow.RunAsync(context.Object);

        Assert.Equal(WorkflowOutcome.Ended, outcome);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task If_the_record_changed_under_the_award_it_reads_again()
    {
        context.SetupSequence(c => c.CallActivityAsync<string?>(It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.IssueCertificate)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync((string?)null)
            .ReturnsAsync("cer_1");
        Reads(WorkflowNext.Award, WorkflowNext.Award);

        Assert.Equal(WorkflowOutcome.Earned, await EnrollmentWorkflow.RunAsync(context.Object));
    }

    [Fact]
    public async Task A_long_wait_continues_as_new_with_its_reminder_counts()
    {
        nextRead = () => new WorkflowView(WorkflowNext.WaitForProgress, null, null);

        var outcome = await EnrollmentWorkflow.RunAsync(context.Object);

        Assert.Equal(WorkflowOutcome.ContinuedAsNew, outcome);
        context.Verify(c => c.ContinueAsNew(new WorkflowInput(Enrollment, 0, 0), true));
    }

    private void Reads(params WorkflowNext[] steps)
    {
        var queue = new Queue<WorkflowNext>(steps);
        nextRead = () =>
        {
            var step = queue.Dequeue();
            return new WorkflowView(step, null, step == WorkflowNext.WaitForApproval ? new DateTimeOffset(Now) : null);
        };
    }

    /// <summary>One change arrives while each read runs, as when the learner keeps working; none is waiting before.</summary>
    private void SignalsArrive()
    {
        context.Setup(c => c.WaitForExternalEvent<string?>(WorkflowSignals.Changed, It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                var next = new TaskCompletionSource<string?>();
                waiting.Add(next);
                return next.Task;
            });
        context.Setup(c => c.CallActivityAsync<WorkflowView>(It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.ReadEnrollment)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback(() => waiting.ForEach(w => w.TrySetResult("changed")))
            .ReturnsAsync(() => nextRead());
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
    }

    private void SignalsNeverArrive()
    {
        context.Setup(c => c.WaitForExternalEvent<string?>(WorkflowSignals.Changed, It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource<string?>().Task);
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
    }
}
