using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Organizations;
using Certifications.Domain.Progress;

namespace Certifications.Domain.Tests;

public class WorkflowRulesTests
{
    private readonly ProgressTestData data = new();

    private Enrollment AllMet => data.Enrollment.WithStates(CriterionState.Met, CriterionState.Met, CriterionState.Met, CriterionState.Met);

    [Fact]
    public void The_workflow_waits_until_every_criterion_is_met_then_awards()
    {
        Assert.Equal(WorkflowNext.WaitForProgress, WorkflowSteps.Next(data.Enrollment, data.Certification));
        Assert.Equal(WorkflowNext.Award, WorkflowSteps.Next(AllMet, data.Certification));
    }

    [Fact]
    public void With_approval_required_it_asks_waits_and_awards_once_approved()
    {
        var certification = data.Certification with { RequireApproval = true };

        Assert.Equal(WorkflowNext.RequestApproval, WorkflowSteps.Next(AllMet, certification));
        Assert.Equal(WorkflowNext.WaitForApproval, WorkflowSteps.Next(AllMet with { Approval = ApprovalState.Awaiting }, certification));
        Assert.Equal(WorkflowNext.WaitForProgress, WorkflowSteps.Next(AllMet with { Approval = ApprovalState.Rejected }, certification));
        Assert.Equal(WorkflowNext.Award, WorkflowSteps.Next(AllMet with { Approval = ApprovalState.Approved }, certification));
    }

    [Fact]
    public void Only_an_active_record_with_open_criteria_can_only_wait()
    {
        Assert.True(WorkflowSteps.CanOnlyWait(data.Enrollment));
        Assert.False(WorkflowSteps.CanOnlyWait(AllMet));
        Assert.False(WorkflowSteps.CanOnlyWait(data.Enrollment with { WithdrawnAt = Build.Now }));
        Assert.False(WorkflowSteps.CanOnlyWait(data.Enrollment with { EarnedAt = Build.Now }));
    }

    [Fact]
    public void A_record_needs_a_workflow_until_it_is_earned_with_its_certificate_or_withdrawn()
    {
        Assert.True(WorkflowSteps.NeedsWorkflow(data.Enrollment));
        Assert.True(WorkflowSteps.NeedsWorkflow(AllMet with { Approval = ApprovalState.Awaiting }));
        Assert.True(WorkflowSteps.NeedsWorkflow(AllMet with { EarnedAt = Build.Now }));
        Assert.False(WorkflowSteps.NeedsWorkflow(AllMet with { EarnedAt = Build.Now, CertificateId = "cer_1" }));
        Assert.False(WorkflowSteps.NeedsWorkflow(data.Enrollment with { WithdrawnAt = Build.Now }));
    }

    [Fact]
    public void Only_a_change_that_gives_the_workflow_something_to_do_wakes_it()
    {
        var oneMet = data.Enrollment.WithStates(CriterionState.Met, CriterionState.NotStarted, CriterionState.NotStarted, CriterionState.NotStarted);
        var threeMet = data.Enrollment.WithStates(CriterionState.Met, CriterionState.Met, CriterionState.Met, CriterionState.NotStarted);
        var awaiting = AllMet with { Approval = ApprovalState.Awaiting };

        Assert.False(WorkflowSteps.Wakes(data.Enrollment, oneMet));
        Assert.False(WorkflowSteps.Wakes(oneMet, threeMet));
        Assert.True(WorkflowSteps.Wakes(threeMet, AllMet));
        Assert.True(WorkflowSteps.Wakes(oneMet, oneMet with { WithdrawnAt = Build.Now }));
        Assert.True(WorkflowSteps.Wakes(oneMet, oneMet with { DueDate = Build.Now.AddDays(7) }));
        Assert.True(WorkflowSteps.Wakes(awaiting, threeMet with { Approval = ApprovalState.Rejected }));
        Assert.True(WorkflowSteps.Wakes(awaiting, awaiting with { Approval = ApprovalState.Approved }));
    }

    [Fact]
    public void Withdrawal_archive_or_a_missing_record_end_the_workflow()
    {
        Assert.Equal(WorkflowNext.End, WorkflowSteps.Next(data.Enrollment with { WithdrawnAt = Build.Now }, data.Certification));
        Assert.Equal(WorkflowNext.End, WorkflowSteps.Next(data.Enrollment, data.Certification with { Status = CertificationStatus.Archived }));
        Assert.Equal(WorkflowNext.End, WorkflowSteps.Next(null, data.Certification));
    }

    [Fact]
    public void An_lms_completion_meets_matching_criteria_at_or_above_the_minimum_score_once()
    {
        var low = new LmsCompletion("quiz", Build.Now, 79).ApplyTo(data.Enrollment, data.Certification, Build.Now);
        var passed = new LmsCompletion("quiz", Build.Now, 80).ApplyTo(data.Enrollment, data.Certification, Build.Now);
        var again = new LmsCompletion("quiz", Build.Now, 95).ApplyTo(passed.Enrollment, data.Certification, Build.Now);

        Assert.False(low.Changed);
        Assert.Equal(
            (CriterionState.Met, 80, "lms"),
            (passed.Enrollment.Progress(data.Quiz)!.State, passed.Enrollment.Progress(data.Quiz)!.Score, passed.Enrollment.Progress(data.Quiz)!.MetBy));
        Assert.False(again.Changed);
    }

    [Fact]
    public void An_lms_completion_of_an_activity_nobody_listens_for_changes_nothing()
    {
        var completion = new LmsCompletion("something-else", Build.Now, null);

        Assert.False(completion.ApplyTo(data.Enrollment, data.Certification, Build.Now).Changed);
        Assert.False(completion.IsKnownTo(data.Certification));
    }

    [Fact]
    public void Due_reminders_go_three_days_before_and_a_day_after_the_due_date()
    {
        var due = Build.Now.AddDays(10);

        var first = Reminders.NextDue(due, 0, Build.Now)!;
        var second = Reminders.NextDue(due, first.SentAfter, first.At)!;

        Assert.Equal((DueReminderKind.DueSoon, due.AddDays(-3)), (first.Kind, first.At));
        Assert.Equal((DueReminderKind.Overdue, due.AddDays(1)), (second.Kind, second.At));
        Assert.Null(Reminders.NextDue(due, second.SentAfter, second.At));
        Assert.Null(Reminders.NextDue(null, 0, Build.Now));
    }

    [Fact]
    public void A_due_soon_reminder_whose_moment_passed_is_skipped()
    {
        var next = Reminders.NextDue(Build.Now.AddDays(1), 0, Build.Now)!;

        Assert.Equal(DueReminderKind.Overdue, next.Kind);
    }

    [Fact]
    public void Reviewers_are_reminded_every_two_days_at_most_three_times()
    {
        Assert.Equal(Build.Now.AddDays(2), Reminders.NextApproval(Build.Now, 0));
        Assert.Equal(Build.Now.AddDays(6), Reminders.NextApproval(Build.Now, 2));
        Assert.Null(Reminders.NextApproval(Build.Now, 3));
    }

    [Fact]
    public void A_webhook_signature_is_valid_only_for_the_same_body_secret_and_a_recent_timestamp()
    {
        var secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var body = "{\"activityId\":\"quiz\"}"u8.ToArray();
        var timestamp = Build.Now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(secret, "msg_1", timestamp, body);

        Assert.Equal(
            WebhookVerdict.Valid, WebhookSignature.Verify(
            [secret], "msg_1", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), "v0,xyz " + signature, body, Build.Now));
        Assert.Equal(
            WebhookVerdict.BadSignature, WebhookSignature.Verify(
            [secret], "msg_1", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, "{\"activityId\":\"quiz2\"}"u8, Build.Now));
        Assert.Equal(
            WebhookVerdict.OutsideTolerance, WebhookSignature.Verify(
            [secret], "msg_1", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body, Build.Now.AddMinutes(6)));
        Assert.Equal(WebhookVerdict.MissingHeaders, WebhookSignature.Verify([secret], null, null, signature, body, Build.Now));
    }
}
