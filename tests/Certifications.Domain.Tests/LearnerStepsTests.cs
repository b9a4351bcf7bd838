using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Progress;

namespace Certifications.Domain.Tests;

public class LearnerStepsTests
{
    private readonly ProgressTestData data = new();

    [Fact]
    public void Getting_started_moves_not_started_to_started_once()
    {
        var started = LearnerSteps.Start(data.Enrollment, Build.Now).Value;
        var again = LearnerSteps.Start(started.Enrollment, Build.Now.AddHours(1)).Value;

        Assert.Equal(EnrollmentStatus.Started, started.Enrollment.Status);
        Assert.True(started.Changed);
        Assert.False(again.Changed);
        Assert.Equal(Build.Now, again.Enrollment.StartedAt);
    }

    [Fact]
    public void Marking_content_done_meets_it_and_puts_the_record_in_progress()
    {
        var done = LearnerSteps.CompleteContent(data.Enrollment, data.Certification, data.Content, Build.Now).Value.Enrollment;

        Assert.Equal(CriterionState.Met, done.Progress(data.Content)!.State);
        Assert.Equal(EnrollmentStatus.InProgress, done.Status);
        Assert.Equal(Build.Now, done.StartedAt);
    }

    [Fact]
    public void Only_content_criteria_are_marked_done_by_the_learner()
    {
        var refused = LearnerSteps.CompleteContent(data.Enrollment, data.Certification, data.Review, Build.Now);

        Assert.Equal(ErrorKind.Conflict, refused.Error!.Kind);
    }

    [Fact]
    public void An_unknown_criterion_is_not_found()
    {
        Assert.Equal(ErrorKind.NotFound, LearnerSteps.CompleteContent(data.Enrollment, data.Certification, "cri_nope", Build.Now).Error!.Kind);
    }

    [Fact]
    public void Evidence_on_an_activity_makes_it_evidenced_and_submit_sends_it_for_assessment()
    {
        var evidenced = LearnerSteps.AddEvidence(data.Enrollment, data.Certification, data.Upload, ProgressTestData.Evidence()).Value.Enrollment;
        var submitted = LearnerSteps.Submit(evidenced, Build.Now).Value.Enrollment;

        Assert.Equal(CriterionState.Evidenced, evidenced.Progress(data.Upload)!.State);
        Assert.Equal(EnrollmentStatus.InProgress, evidenced.Status);
        Assert.Equal(CriterionState.AwaitingAssessment, submitted.Progress(data.Upload)!.State);
        Assert.Equal(Build.Now, submitted.SubmittedAt);
    }

    [Fact]
    public void Submitting_puts_a_coach_review_before_the_coach_so_the_record_is_Submitted_once_the_rest_is_met()
    {
        var rest = data.Enrollment.WithStates(CriterionState.Met, CriterionState.Met, CriterionState.NotStarted, CriterionState.NotStarted);
        var evidenced = LearnerSteps.AddEvidence(rest, data.Certification, data.Upload, ProgressTestData.Evidence()).Value.Enrollment;

        var submitted = LearnerSteps.Submit(evidenced, Build.Now).Value.Enrollment;

        Assert.Equal(CriterionState.AwaitingAssessment, submitted.Progress(data.Review)!.State);
        Assert.Equal(EnrollmentStatus.Submitted, submitted.Status);
    }

    [Fact]
    public void Evidence_needs_a_text_or_a_file_and_goes_only_on_activities()
    {
        var empty = LearnerSteps.AddEvidence(data.Enrollment, data.Certification, data.Upload, ProgressTestData.Evidence(" "));
        var onContent = LearnerSteps.AddEvidence(data.Enrollment, data.Certification, data.Content, ProgressTestData.Evidence());

        Assert.Equal(ErrorKind.Invalid, empty.Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, onContent.Error!.Kind);
    }

    [Fact]
    public void Evidence_waiting_for_an_assessor_cannot_be_added_to()
    {
        var submitted = LearnerSteps.Submit(
            LearnerSteps.AddEvidence(data.Enrollment, data.Certification, data.Upload, ProgressTestData.Evidence()).Value.Enrollment, Build.Now)
            .Value.Enrollment;

        Assert.Equal(ErrorKind.Conflict, LearnerSteps.AddEvidence(submitted, data.Certification, data.Upload, ProgressTestData.Evidence()).Error!.Kind);
    }

    [Fact]
    public void Whether_a_criterion_takes_evidence_is_known_before_anything_is_uploaded()
    {
        Assert.Equal(data.Upload, LearnerSteps.AcceptsEvidence(data.Enrollment, data.Certification, data.Upload).Value.Id);
        Assert.Equal(ErrorKind.Conflict, LearnerSteps.AcceptsEvidence(data.Enrollment, data.Certification, data.Review).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, LearnerSteps.AcceptsEvidence(data.Enrollment, data.Certification, "cri_nope").Error!.Kind);
    }

    [Fact]
    public void Submitting_with_nothing_evidenced_is_a_conflict()
    {
        Assert.Equal(ErrorKind.Conflict, LearnerSteps.Submit(data.Enrollment, Build.Now).Error!.Kind);
    }

    [Fact]
    public void A_withdrawn_or_earned_record_takes_no_more_steps()
    {
        var withdrawn = data.Enrollment with { WithdrawnAt = Build.Now };
        var earned = data.Enrollment with { EarnedAt = Build.Now };

        Assert.Equal(ErrorKind.Conflict, LearnerSteps.Start(withdrawn, Build.Now).Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, LearnerSteps.CompleteContent(earned, data.Certification, data.Content, Build.Now).Error!.Kind);
    }

    [Fact]
    public void After_a_rejected_approval_new_evidence_reopens_the_work_and_the_record_is_in_progress()
    {
        var rejected = data.Enrollment.WithStates(
            CriterionState.Met, CriterionState.Met, CriterionState.Met, CriterionState.Met) with
        { Approval = ApprovalState.Rejected };

        var reworked = LearnerSteps.AddEvidence(rejected, data.Certification, data.Upload, ProgressTestData.Evidence("A better take")).Value.Enrollment;

        Assert.Equal(EnrollmentStatus.NotEarned, rejected.Status);
        Assert.Equal(ApprovalState.NotRequested, reworked.Approval);
        Assert.Equal(CriterionState.Evidenced, reworked.Progress(data.Upload)!.State);
        Assert.Equal(EnrollmentStatus.InProgress, reworked.Status);
    }

    [Fact]
    public void After_a_rejected_approval_submitting_asks_for_approval_again()
    {
        var rejected = data.Enrollment.WithStates(
            CriterionState.Met, CriterionState.Met, CriterionState.Met, CriterionState.Met) with
        { Approval = ApprovalState.Rejected };

        var resubmitted = LearnerSteps.Submit(rejected, Build.Now).Value.Enrollment;

        Assert.Equal(ApprovalState.NotRequested, resubmitted.Approval);
        Assert.Equal(WorkflowNext.RequestApproval, WorkflowSteps.Next(resubmitted, data.Certification with { RequireApproval = true }));
    }
}
