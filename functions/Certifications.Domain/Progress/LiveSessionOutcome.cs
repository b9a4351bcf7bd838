using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.LiveSessions;

namespace Certifications.Domain.Progress;

/// <summary>
/// A rated live session, applied to the learner's record: every skill at the criterion's minimum meets the
/// <c>live_session</c> criterion; otherwise it is not demonstrated, with the coach's feedback, and the learner can be
/// scheduled again. The rating is kept among the reviews (decision, lowest star, feedback, stars per skill), and a
/// session applied twice changes nothing.
/// </summary>
public static class LiveSessionOutcome
{
    public static Result<ProgressChange> ApplyTo(Enrollment enrollment, Certification certification, LiveSession session, string coachName, DateTimeOffset now)
    {
        if (session.Rating is not { } rating)
        {
            return Error.Conflict("The session has not been rated.");
        }

        var criterion = certification.Criteria.FirstOrDefault(c => c.Id == session.CriterionId);
        if (criterion is null || criterion.Kind != CriterionKind.LiveSession || enrollment.Progress(criterion.Id) is not { } progress)
        {
            return Error.Invalid("criterionId", "is not a live session criterion of this certification.");
        }

        if (enrollment.Reviews.Any(r => r.LiveSessionId == session.Id) || !enrollment.IsActive || enrollment.EarnedAt is not null
            || progress.State == CriterionState.Met)
        {
            return ProgressChange.Unchanged(enrollment);
        }

        var review = new Review
        {
            CriterionId = criterion.Id,
            ReviewerId = session.CoachId,
            ReviewerName = coachName,
            Decision = rating.Met ? ReviewDecision.Demonstrated : ReviewDecision.NotDemonstrated,
            Rating = rating.Stars.Values.DefaultIfEmpty(0).Min(),
            Feedback = rating.Feedback,
            At = now,
            SkillStars = rating.Stars,
            LiveSessionId = session.Id,
        };
        var changed = enrollment.WithCriterion(criterion.Id, c => c with
        {
            State = rating.Met ? CriterionState.Met : CriterionState.NotDemonstrated,
            MetAt = rating.Met ? now : null,
            MetBy = rating.Met ? "live_session" : null,
            UpdatedAt = now,
        });
        return ProgressChange.To(changed with { StartedAt = enrollment.StartedAt ?? now, Reviews = [.. enrollment.Reviews, review] });
    }
}
