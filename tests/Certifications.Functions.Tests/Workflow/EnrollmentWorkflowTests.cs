using Certifications.Domain.Progress;
using Certifications.Functions.Workflow;
using Microsoft.DurableTask;
using Moq;

namespace Certifications.Functions.Tests.Workflow;

/// <summary>The orchestrator's paths, on a mocked context: which activities it calls, with what, and what it waits for.</summary>
public class EnrollmentWorkflowTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    private static readonly EnrollmentRef Enrollment = new(Domain.Common.Ids.New("org"), Domain.Common.Ids.New("crt"), Domain.Common.Ids.New("usr"));

    private readonly Mock<TaskOrchestrationContext> context = new() { CallBase = true };
    private readonly List<string> calls = [];
    private readonly List<TaskCompletionSource<string?>> waiting = [];
    private Func<AdvanceOutcome> nextRead = () => throw new InvalidOperationException("No reads set up.");

    public EnrollmentWorkflowTests()
    {
        context.Setup(c => c.GetInput<WorkflowInput>()).Returns(new WorkflowInput(Enrollment));
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.Setup(c => c.CallActivityAsync<object>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName name, object? _, TaskOptions? _) => calls.Add(name.Name))
            .ReturnsAsync((object?)null!);
        SignalsArrive();
    }

    [Fact]
    public async Task It_advances_the_record_on_every_change_until_the_certificate_is_issued()
    {
        Reads(WorkflowNext.WaitForProgress, WorkflowNext.WaitForProgress, WorkflowNext.Done);

        var outcome = await EnrollmentWorkflow.RunAsync(context.Object);

        Assert.Equal(WorkflowOutcome.Earned, outcome);
        Assert.Empty(calls);

        // One wait before each advance: the signals that arrived during an advance are what the next one is for.
        context.Verify(c => c.WaitForExternalEvent<string?>(WorkflowEvents.Changed, It.IsAny<CancellationToken>()), Times.Exactly(3));
        context.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task While_approval_waits_a_reminder_is_set_for_two_days_after_the_request_and_the_decision_comes_first()
    {
        SignalsArriveWhileWaiting();
        Reads(WorkflowNext.WaitForApproval, WorkflowNext.Done);

        var outcome = await EnrollmentWorkflow.RunAsync(context.Object);

        Assert.Equal(WorkflowOutcome.Earned, outcome);
        Assert.Empty(calls);
        context.Verify(c => c.CreateTimer(Now.AddDays(2), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_rejection_waits_for_the_resubmission_and_a_new_request_gets_its_own_reminders()
    {
        SignalsArriveWhileWaiting();
        var second = Now.AddDays(5);
        Reads(
            new AdvanceOutcome(WorkflowNext.WaitForApproval, null, Now),
            new AdvanceOutcome(WorkflowNext.WaitForProgress, Now.AddDays(30), Now),
            new AdvanceOutcome(WorkflowNext.WaitForApproval, null, second),
            new AdvanceOutcome(WorkflowNext.Done, null, second));

        var outcome = await EnrollmentWorkflow.RunAsync(context.Object);

        Assert.Equal(WorkflowOutcome.Earned, outcome);
        context.Verify(c => c.CreateTimer(Now.AddDays(2), It.IsAny<CancellationToken>()));
        context.Verify(c => c.CreateTimer(second.AddDays(2), It.IsAny<CancellationToken>()));
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
        context.SetupSequence(
            c => c.CallActivityAsync<AdvanceOutcome>(
            It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.AdvanceEnrollment)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new AdvanceOutcome(WorkflowNext.WaitForProgress, due, null))
            .ReturnsAsync(new AdvanceOutcome(WorkflowNext.End, due, null));
        object? reminder = null;
        context.Setup(
            c => c.CallActivityAsync<object>(
            It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.RemindLearner)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? input, TaskOptions? _) => reminder = input)
            .ReturnsAsync((object?)null!);

        await EnrollmentWorkflow.RunAsync(context.Object);

        context.Verify(c => c.CreateTimer(due.AddDays(-3).UtcDateTime, It.IsAny<CancellationToken>()));
        Assert.Equal(new DueReminderRequest(Enrollment, DueReminderKind.DueSoon), reminder);
    }

    [Fact]
    public async Task Signals_that_arrived_together_cost_one_read()
    {
        context.Setup(c => c.WaitForExternalEvent<string?>(WorkflowEvents.Changed, It.IsAny<CancellationToken>())).ReturnsAsync("changed");
        Reads(WorkflowNext.Done);

        Assert.Equal(WorkflowOutcome.Earned, await EnrollmentWorkflow.RunAsync(context.Object));
        context.Verify(
            c => c.CallActivityAsync<AdvanceOutcome>(
            It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.AdvanceEnrollment)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Once);
    }

    [Fact]
    public async Task Started_promptly_for_a_record_that_can_only_wait_it_first_reads_it_at_the_first_change()
    {
        context.Setup(c => c.GetInput<WorkflowInput>()).Returns(new WorkflowInput(Enrollment, Start: new WorkflowStart(Now.AddMilliseconds(-500), null)));
        Reads(WorkflowNext.Done);

        var run = EnrollmentWorkflow.RunAsync(context.Object);

        Assert.False(run.IsCompleted);
        AdvancedTimes(Times.Never());
        waiting.Single().SetResult("changed");
        Assert.Equal(WorkflowOutcome.Earned, await run);
        AdvancedTimes(Times.Once());
        context.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Started_late_it_reads_the_record_at_once_since_a_change_may_have_been_dropped_meanwhile()
    {
        context.Setup(c => c.GetInput<WorkflowInput>()).Returns(
            new WorkflowInput(Enrollment, Start: new WorkflowStart(Now - EnrollmentWorkflow.PromptStart - TimeSpan.FromSeconds(2), null)));
        Reads(WorkflowNext.Done);

        var run = EnrollmentWorkflow.RunAsync(context.Object);

        Assert.True(run.IsCompleted, "It waited for a change instead of reading.");
        Assert.Equal(WorkflowOutcome.Earned, await run);
        AdvancedTimes(Times.Once());
    }

    [Fact]
    public async Task Started_promptly_with_a_due_date_its_first_wait_ends_for_the_first_reminder()
    {
        var due = new DateTimeOffset(Now.AddDays(10));
        context.Setup(c => c.GetInput<WorkflowInput>()).Returns(new WorkflowInput(Enrollment, Start: new WorkflowStart(Now, due)));
        SignalsNeverArrive();
        Reads(new AdvanceOutcome(WorkflowNext.WaitForProgress, due, null), new AdvanceOutcome(WorkflowNext.End, due, null));
        context.Setup(
            c => c.CallActivityAsync<AdvanceOutcome>(
            It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.AdvanceEnrollment)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(() => nextRead());

        await EnrollmentWorkflow.RunAsync(context.Object);

        context.Verify(c => c.CreateTimer(due.AddDays(-3).UtcDateTime, It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Equal([nameof(WorkflowActivities.RemindLearner)], calls);
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
    public async Task A_long_wait_continues_as_new_with_its_reminder_counts()
    {
        nextRead = () => new AdvanceOutcome(WorkflowNext.WaitForProgress, null, null);

        var outcome = await EnrollmentWorkflow.RunAsync(context.Object);

        Assert.Equal(WorkflowOutcome.ContinuedAsNew, outcome);
        context.Verify(c => c.ContinueAsNew(new WorkflowInput(Enrollment, 0, 0), true));
    }

    private void AdvancedTimes(Times times) =>
        context.Verify(
            c => c.CallActivityAsync<AdvanceOutcome>(
            It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.AdvanceEnrollment)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), times);

    private void Reads(params WorkflowNext[] steps) =>
        Reads([.. steps.Select(step => new AdvanceOutcome(step, null, step == WorkflowNext.WaitForApproval ? new DateTimeOffset(Now) : null))]);

    private void Reads(params AdvanceOutcome[] views)
    {
        var queue = new Queue<AdvanceOutcome>(views);
        nextRead = queue.Dequeue;
    }

    /// <summary>One change arrives while each read runs, as when the learner keeps working; none is waiting before.</summary>
    private void SignalsArrive()
    {
        context.Setup(c => c.WaitForExternalEvent<string?>(WorkflowEvents.Changed, It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                var next = new TaskCompletionSource<string?>();
                waiting.Add(next);
                return next.Task;
            });
        context.Setup(
            c => c.CallActivityAsync<AdvanceOutcome>(
            It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.AdvanceEnrollment)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback(() => waiting.ForEach(w => w.TrySetResult("changed")))
            .ReturnsAsync(() => nextRead());
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
    }

    /// <summary>Nothing is waiting when the workflow starts to wait; the change comes while its reminder timer runs.</summary>
    private void SignalsArriveWhileWaiting()
    {
        context.Setup(
            c => c.CallActivityAsync<AdvanceOutcome>(
            It.Is<TaskName>(n => n.Name == nameof(WorkflowActivities.AdvanceEnrollment)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(() => nextRead());
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback(() => waiting.ForEach(w => w.TrySetResult("changed")))
            .Returns(new TaskCompletionSource().Task);
    }

    private void SignalsNeverArrive()
    {
        context.Setup(c => c.WaitForExternalEvent<string?>(WorkflowEvents.Changed, It.IsAny<CancellationToken>())).Returns(
            new TaskCompletionSource<string?>().Task);
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
    }
}
