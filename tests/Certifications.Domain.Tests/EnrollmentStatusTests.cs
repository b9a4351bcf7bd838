using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Tests;

public sealed class EnrollmentStatusTests
{
    [Fact]
    public void A_new_enrollment_is_not_started() =>
        Assert.Equal(EnrollmentStatus.NotStarted, Build.Enrollment().Status);

    [Fact]
    public void Pressing_get_started_makes_it_started() =>
        Assert.Equal(EnrollmentStatus.Started, (Build.Enrollment() with { StartedAt = Build.Now }).Status);

    [Theory]
    [InlineData(CriterionState.Evidenced)]
    [InlineData(CriterionState.Met)]
    [InlineData(CriterionState.AwaitingAssessment)]
    public void Evidence_or_a_met_criterion_makes_it_in_progress(CriterionState state) =>
        Assert.Equal(EnrollmentStatus.InProgress, Build.Enrollment().WithStates(state, CriterionState.NotStarted).Status);

    [Fact]
    public void Submitted_work_awaiting_assessment_is_submitted()
    {
        var enrollment = Build.Enrollment().WithStates(CriterionState.Met, CriterionState.AwaitingAssessment) with { SubmittedAt = Build.Now };

        Assert.Equal(EnrollmentStatus.Submitted, enrollment.Status);
    }

    [Fact]
    public void Work_awaiting_approval_is_submitted()
    {
        var enrollment = Build.Enrollment().WithStates(CriterionState.Met, CriterionState.Met) with { Approval = ApprovalState.Awaiting };

        Assert.Equal(EnrollmentStatus.Submitted, enrollment.Status);
    }

    [Fact]
    public void A_criterion_not_demonstrated_makes_it_not_earned() =>
        Assert.Equal(EnrollmentStatus.NotEarned, Build.Enrollment().WithStates(CriterionState.Met, CriterionState.NotDemonstrated).Status);

    [Fact]
    public void A_rejected_approval_makes_it_not_earned() =>
        Assert.Equal(
            EnrollmentStatus.NotEarned,
            (Build.Enrollment().WithStates(CriterionState.Met, CriterionState.Met) with { Approval = ApprovalState.Rejected }).Status);

    [Fact]
    public void New_evidence_after_not_earned_returns_it_to_in_progress()
    {
        var notEarned = Build.Enrollment().WithStates(CriterionState.Met, CriterionState.NotDemonstrated);

        var resubmitting = notEarned.WithStates(CriterionState.Met, CriterionState.Evidenced);

        Assert.Equal(EnrollmentStatus.NotEarned, notEarned.Status);
        Assert.Equal(EnrollmentStatus.InProgress, resubmitting.Status);
    }

    [Fact]
    public void An_issued_certificate_makes_it_earned() =>
        Assert.Equal(EnrollmentStatus.Earned, (Build.Enrollment().WithStates(CriterionState.Met, CriterionState.Met) with { EarnedAt = Build.Now }).Status);

    [Fact]
    public void Progress_counts_met_criteria()
    {
        var enrollment = Build.Enrollment().WithStates(CriterionState.Met, CriterionState.Evidenced);

        Assert.Equal(1, enrollment.CriteriaMet);
        Assert.Equal(50, enrollment.ProgressPercent);
    }

    [Fact]
    public void Past_the_due_date_and_not_earned_is_overdue()
    {
        var enrollment = Build.Enrollment() with { DueDate = Build.Now.AddDays(-1) };

        Assert.True(enrollment.IsOverdue(Build.Now));
        Assert.False((enrollment with { EarnedAt = Build.Now }).IsOverdue(Build.Now));
        Assert.False((enrollment with { DueDate = Build.Now.AddDays(1) }).IsOverdue(Build.Now));
    }

    [Theory]
    [InlineData(EnrollmentStatus.NotStarted, "Not started")]
    [InlineData(EnrollmentStatus.InProgress, "In progress")]
    [InlineData(EnrollmentStatus.NotEarned, "Not earned")]
    public void Statuses_read_as_people_say_them(EnrollmentStatus status, string name) =>
        Assert.Equal(name, status.ToDisplayName());
}
