using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.People;
using Certifications.Domain.Progress;

namespace Certifications.Domain.Tests;

public class AssessorStepsTests
{
    private readonly ProgressTestData data = new(requireApproval: true);

    private static AssessorSteps.ReviewInput Demonstrated => new(ReviewDecision.Demonstrated, 4, "Good call.");

    [Fact]
    public void The_coach_meets_a_review_criterion_and_the_review_is_recorded()
    {
        var reviewed = AssessorSteps.Review(
            data.Enrollment, data.Certification, data.Review, data.AsCoach, coachesLearner: true, Demonstrated, Build.Now).Value.Enrollment;

        Assert.Equal(CriterionState.Met, reviewed.Progress(data.Review)!.State);
        var review = Assert.Single(reviewed.Reviews);
        Assert.Equal(("Carla Coach", 4, "Good call."), (review.ReviewerName, review.Rating, review.Feedback));
    }

    [Fact]
    public void The_same_decision_sent_twice_is_recorded_once()
    {
        var once = AssessorSteps.Review(data.Enrollment, data.Certification, data.Review, data.AsCoach, true, Demonstrated, Build.Now).Value.Enrollment;

        var twice = AssessorSteps.Review(once, data.Certification, data.Review, data.AsCoach, true, Demonstrated, Build.Now.AddSeconds(1)).Value;

        Assert.False(twice.Changed);
        Assert.Single(twice.Enrollment.Reviews);
    }

    [Fact]
    public void The_same_words_about_new_evidence_are_a_new_review()
    {
        var submit = (Enrollments.Enrollment e, string text, DateTimeOffset at) =>
            LearnerSteps.Submit(
                LearnerSteps.AddEvidence(
                e, data.Certification, data.Upload, ProgressTestData.Evidence(text) with { AddedAt = at }).Value.Enrollment, at).Value.Enrollment;
        var sentBack = AssessorSteps.Review(
            submit(data.Enrollment, "Take one", Build.Now), data.Certification, data.Upload, data.AsCoach, true, new(
            ReviewDecision.NotDemonstrated, 2, "Show the close."), Build.Now).Value.Enrollment;
        var resubmitted = submit(sentBack, "Take two", Build.Now.AddMinutes(30));

        var again = AssessorSteps.Review(
            resubmitted, data.Certification, data.Upload, data.AsCoach, true, new(
            ReviewDecision.NotDemonstrated, 2, "Show the close."), Build.Now.AddHours(1)).Value;

        Assert.True(again.Changed);
        Assert.Equal(2, again.Enrollment.Reviews.Count);
    }

    [Fact]
    public void A_different_decision_on_something_no_longer_awaiting_is_a_conflict()
    {
        var once = AssessorSteps.Review(data.Enrollment, data.Certification, data.Review, data.AsCoach, true, Demonstrated, Build.Now).Value.Enrollment;

        var other = AssessorSteps.Review(
            once, data.Certification, data.Review, Build.Caller(data.Admin), false, new(ReviewDecision.NotDemonstrated, null, "No."), Build.Now);

        Assert.Equal(ErrorKind.Conflict, other.Error!.Kind);
    }

    [Fact]
    public void Activity_evidence_is_reviewed_only_once_submitted()
    {
        var evidenced = LearnerSteps.AddEvidence(data.Enrollment, data.Certification, data.Upload, ProgressTestData.Evidence()).Value.Enrollment;

        Assert.Equal(
            ErrorKind.Conflict, AssessorSteps.Review(evidenced, data.Certification, data.Upload, data.AsCoach, true, Demonstrated, Build.Now).Error!.Kind);
    }

    [Fact]
    public void Not_demonstrated_needs_feedback_and_makes_the_record_not_earned()
    {
        var submitted = LearnerSteps.Submit(
            LearnerSteps.AddEvidence(data.Enrollment, data.Certification, data.Upload, ProgressTestData.Evidence()).Value.Enrollment, Build.Now)
            .Value.Enrollment;

        var silent = AssessorSteps.Review(
            submitted, data.Certification, data.Upload, data.AsCoach, true, new(ReviewDecision.NotDemonstrated, null, null), Build.Now);
        var sentBack = AssessorSteps.Review(
            submitted, data.Certification, data.Upload, data.AsCoach, true, new(ReviewDecision.NotDemonstrated, 2, "Show the close."), Build.Now)
            .Value.Enrollment;

        Assert.Contains("feedback", silent.Error!.Fields!.Keys);
        Assert.Equal(EnrollmentStatus.NotEarned, sentBack.Status);
        Assert.Equal(
            EnrollmentStatus.InProgress, LearnerSteps.AddEvidence(
            sentBack, data.Certification, data.Upload, ProgressTestData.Evidence("Take two")).Value.Enrollment.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void A_rating_outside_one_to_five_stars_is_refused(int stars)
    {
        var refused = AssessorSteps.Review(
            data.Enrollment, data.Certification, data.Review, data.AsCoach, true, new(ReviewDecision.Demonstrated, stars, null), Build.Now);

        Assert.Contains("rating", refused.Error!.Fields!.Keys);
    }

    [Fact]
    public void Another_coach_may_not_review()
    {
        var other = Build.Caller(Build.User(Role.Coach));

        Assert.Equal(
            ErrorKind.Forbidden, AssessorSteps.Review(
            data.Enrollment, data.Certification, data.Review, other, coachesLearner: false, Demonstrated, Build.Now).Error!.Kind);
    }

    [Fact]
    public void Approval_is_decided_only_while_awaited_and_a_repeat_is_not_recorded_twice()
    {
        var awaiting = WorkflowSteps.RequestApproval(
            data.Enrollment.WithStates(CriterionState.Met, CriterionState.Met, CriterionState.Met, CriterionState.Met), Build.Now);
        var approve = new AssessorSteps.ApprovalInput(ApprovalDecision.Approve, "Well done");

        var early = AssessorSteps.DecideApproval(data.Enrollment, data.AsCoach, true, approve, Build.Now);
        var approved = AssessorSteps.DecideApproval(awaiting, data.AsCoach, true, approve, Build.Now).Value.Enrollment;
        var repeat = AssessorSteps.DecideApproval(approved, data.AsCoach, true, approve, Build.Now).Value;
        var reversal = AssessorSteps.DecideApproval(approved, data.AsCoach, true, new(ApprovalDecision.Reject, "Actually no"), Build.Now);

        Assert.Equal(ErrorKind.Conflict, early.Error!.Kind);
        Assert.Equal(ApprovalState.Approved, approved.Approval);
        Assert.Equal(EnrollmentStatus.Submitted, approved.Status);
        Assert.False(repeat.Changed);
        Assert.Single(repeat.Enrollment.ApprovalDecisions);
        Assert.Equal(ErrorKind.Conflict, reversal.Error!.Kind);
    }

    [Fact]
    public void A_rejection_needs_a_comment_and_makes_the_record_not_earned()
    {
        var awaiting = WorkflowSteps.RequestApproval(
            data.Enrollment.WithStates(CriterionState.Met, CriterionState.Met, CriterionState.Met, CriterionState.Met), Build.Now);

        var silent = AssessorSteps.DecideApproval(awaiting, data.AsCoach, true, new(ApprovalDecision.Reject, null), Build.Now);
        var rejected = AssessorSteps.DecideApproval(
            awaiting, data.AsCoach, true, new(ApprovalDecision.Reject, "Redo the role-play"), Build.Now).Value.Enrollment;

        Assert.Contains("comment", silent.Error!.Fields!.Keys);
        Assert.Equal(EnrollmentStatus.Submitted, awaiting.Status);
        Assert.Equal(EnrollmentStatus.NotEarned, rejected.Status);
    }
}
