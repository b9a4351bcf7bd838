using Certifications.Domain.Catalog;
using Certifications.Domain.People;

namespace Certifications.Domain.Enrollments;

/// <summary>The learning record: one learner's progress towards one certification.</summary>
public sealed record Enrollment
{
    public string Id => EnrollmentIds.For(CertificationId, LearnerId);

    public required string OrganizationId { get; init; }

    public required string CertificationId { get; init; }

    public required string LearnerId { get; init; }

    /// <summary>Copied from the user at enrollment so learning records list without a lookup per row.</summary>
    public required string LearnerName { get; init; }

    public required string LearnerEmail { get; init; }

    public required EnrollmentSource Source { get; init; }

    public required DateTimeOffset EnrolledAt { get; init; }

    /// <summary>Who assigned it, or the learner themselves.</summary>
    public required string EnrolledBy { get; init; }

    public DateTimeOffset? DueDate { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public required IReadOnlyList<CriterionProgress> Criteria { get; init; }

    public ApprovalState Approval { get; init; } = ApprovalState.NotRequested;

    public DateTimeOffset? ApprovalRequestedAt { get; init; }

    public IReadOnlyList<Review> Reviews { get; init; } = [];

    public IReadOnlyList<ApprovalRecord> ApprovalDecisions { get; init; } = [];

    /// <summary>How often the learner started afresh (recertified); each round's evidence is its own.</summary>
    public int Round { get; init; }

    public DateTimeOffset? EarnedAt { get; init; }

    public string? CertificateId { get; init; }

    /// <summary>Withdrawn records are kept for history but no longer count as enrolled.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    public bool IsActive => WithdrawnAt is null;

    public EnrollmentStatus Status => EnrollmentStatusRules.Derive(this);

    public int CriteriaMet => Criteria.Count(c => c.State == CriterionState.Met);

    /// <summary>Whole percent of criteria met; a certification with no criteria counts as not begun.</summary>
    public int ProgressPercent => Criteria.Count == 0 ? 0 : CriteriaMet * 100 / Criteria.Count;

    public bool AllCriteriaMet => Criteria.Count > 0 && Criteria.All(c => c.State == CriterionState.Met);

    /// <summary>
    /// Whether the record has everything a certificate needs from the learner: from here on, its workflow owes them one
    /// (after an approval where the certification asks for it). The delivery sweep watches every such record.
    /// </summary>
    public bool AwaitsAward => IsActive && AllCriteriaMet && EarnedAt is null;

    /// <summary>Whether a reviewer has something to do here: work to assess, a review-type criterion, or an approval.</summary>
    public bool AwaitsReviewer =>
        IsActive && EarnedAt is null
        && (Approval == ApprovalState.Awaiting
            || Criteria.Any(c => c.State == CriterionState.AwaitingAssessment || (c.Kind == CriterionKind.Review && c.State != CriterionState.Met)));

    public CriterionProgress? Progress(string criterionId) => Criteria.FirstOrDefault(c => c.CriterionId == criterionId);

    public bool IsOverdue(DateTimeOffset now) => IsActive && DueDate < now && Status != EnrollmentStatus.Earned;

    /// <summary>
    /// A new record; enrolling again after a withdrawal (<paramref name="withdrawn"/>) starts a new round, and the
    /// earlier reviews and decisions stay in its history.
    /// </summary>
    public static Enrollment Create(
        Certification certification, User learner, EnrollmentSource source, string enrolledBy,
        DateTimeOffset now, DateTimeOffset? dueDate = null, string? message = null, Enrollment? withdrawn = null) => new()
        {
            Round = withdrawn is null ? 0 : withdrawn.Round + 1,
            Reviews = withdrawn?.Reviews ?? [],
            ApprovalDecisions = withdrawn?.ApprovalDecisions ?? [],
            OrganizationId = certification.OrganizationId,
            CertificationId = certification.Id,
            LearnerId = learner.Id,
            LearnerName = learner.DisplayName,
            LearnerEmail = learner.Email,
            Source = source,
            EnrolledAt = now,
            EnrolledBy = enrolledBy,
            DueDate = dueDate,
            Message = message,
            Criteria = [.. certification.Criteria.Select(c => new CriterionProgress { CriterionId = c.Id, Kind = c.Kind })],
        };
}
