using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Policies;

namespace Certifications.Domain.Progress;

/// <summary>What coaches and admins decide: a criterion demonstrated or not, and approval of the whole.</summary>
public static class AssessorSteps
{
    public const int MaxFeedback = 4000;

    /// <summary>The input of a review decision, as the API receives it.</summary>
    public sealed record ReviewInput(ReviewDecision? Decision, int? Rating, string? Feedback);

    /// <summary>The input of an approval decision, as the API receives it.</summary>
    public sealed record ApprovalInput(ApprovalDecision? Decision, string? Comment);

    /// <summary>
    /// Only assessors of this learner decide, and only on what awaits a decision: submitted evidence, or a review-type
    /// criterion not yet met. The same decision sent again is recognised and not recorded twice.
    /// </summary>
    public static Result<ProgressChange> Review(
        Enrollment enrollment, Certification certification, string criterionId, Caller reviewer, bool coachesLearner, ReviewInput input, DateTimeOffset now)
    {
        if (reviewer.AssessesSelf(enrollment.LearnerId) is { } own)
        {
            return own;
        }

        if (!reviewer.IsSuperAdmin && !coachesLearner)
        {
            return Error.Forbidden("Only the learner's coach or an admin can review their work.");
        }

        var errors = new FieldErrors();
        if (input.Decision is null)
        {
            errors.Add("decision", "is required: Demonstrated or NotDemonstrated.");
        }

        if (input.Rating is < 1 or > 5)
        {
            errors.Add("rating", "must be 1 to 5 stars.");
        }

        var feedback = errors.RequireText("feedback", input.Feedback, MaxFeedback, required: false, multiline: true);
        if (input.Decision == ReviewDecision.NotDemonstrated && feedback is null)
        {
            errors.Add("feedback", "is required when the criterion was not demonstrated, so the learner knows what to do.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var review = new Review
        {
            CriterionId = criterionId,
            ReviewerId = reviewer.Id,
            ReviewerName = reviewer.User.DisplayName,
            Decision = input.Decision!.Value,
            Rating = input.Rating,
            Feedback = feedback,
            At = now,
        };
        var found = LearnerSteps.Find(enrollment, certification, criterionId);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        // A repeat is the same decision on the same work: nothing happened to the criterion since that review.
        // The same words about new evidence are a new review.
        var progress = enrollment.Progress(criterionId)!;
        if (enrollment.Reviews.LastOrDefault(r => r.CriterionId == criterionId) is { } last && last.SaysTheSameAs(review) && progress.UpdatedAt == last.At)
        {
            return ProgressChange.Unchanged(enrollment);
        }

        var awaits = progress.State == CriterionState.AwaitingAssessment
            || (found.Value.Kind == CriterionKind.Review && progress.State != CriterionState.Met);
        if (!awaits)
        {
            return Error.Conflict($"'{found.Value.Title}' is not waiting for a review (it is {progress.State}).");
        }

        var met = review.Decision == ReviewDecision.Demonstrated;
        var changed = enrollment.WithCriterion(criterionId, c => c with
        {
            State = met ? CriterionState.Met : CriterionState.NotDemonstrated,
            MetAt = met ? now : null,
            MetBy = met ? "reviewer" : null,
            UpdatedAt = now,
        });
        return ProgressChange.To(changed with { Reviews = [.. enrollment.Reviews, review] });
    }

    /// <summary>Approval is decided once per request; a rejection sends the learner back to rework with the comment.</summary>
    public static Result<ProgressChange> DecideApproval(Enrollment enrollment, Caller approver, bool coachesLearner, ApprovalInput input, DateTimeOffset now)
    {
        if (approver.AssessesSelf(enrollment.LearnerId) is { } own)
        {
            return own;
        }

        if (!approver.IsSuperAdmin && !coachesLearner)
        {
            return Error.Forbidden("Only the learner's coach or an admin can approve their work.");
        }

        if (input.Decision is null)
        {
            return Error.Invalid("decision", "is required: Approve or Reject.");
        }

        var errors = new FieldErrors();
        var comment = errors.RequireText("comment", input.Comment, MaxFeedback, required: input.Decision == ApprovalDecision.Reject, multiline: true);
        if (errors.Any)
        {
            return input.Decision == ApprovalDecision.Reject && comment is null
                ? Error.Invalid("comment", "is required when rejecting, so the learner knows what to rework.")
                : errors.ToError();
        }

        var record = new ApprovalRecord
        {
            ApproverId = approver.Id,
            ApproverName = approver.User.DisplayName,
            Decision = input.Decision.Value,
            Comment = comment,
            At = now,
        };
        if (enrollment.Approval != ApprovalState.Awaiting)
        {
            var last = enrollment.ApprovalDecisions.LastOrDefault();
            var repeat = last is not null && last.ApproverId == record.ApproverId && last.Decision == record.Decision
                && string.Equals(last.Comment, record.Comment, StringComparison.Ordinal)
                && enrollment.Approval is ApprovalState.Approved or ApprovalState.Rejected;
            return repeat ? ProgressChange.Unchanged(enrollment) : Error.Conflict("This enrollment is not waiting for an approval decision.");
        }

        return ProgressChange.To(enrollment with
        {
            Approval = record.Decision == ApprovalDecision.Approve ? ApprovalState.Approved : ApprovalState.Rejected,
            ApprovalDecisions = [.. enrollment.ApprovalDecisions, record],
        });
    }
}
