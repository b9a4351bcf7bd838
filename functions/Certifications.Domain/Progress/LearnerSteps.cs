using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Progress;

/// <summary>What a learner does on their own record: get started, mark content done, hand in evidence, submit.</summary>
public static class LearnerSteps
{
    public const int MaxEvidenceText = 4000;
    public const int MaxEvidencePerCriterion = 20;

    public static Result<ProgressChange> Start(Enrollment enrollment, DateTimeOffset now)
    {
        if (Closed(enrollment) is { } closed)
        {
            return closed;
        }

        return enrollment.StartedAt is not null
            ? ProgressChange.Unchanged(enrollment)
            : ProgressChange.To(enrollment with { StartedAt = now });
    }

    /// <summary>Content criteria are met when the learner says they read or watched it.</summary>
    public static Result<ProgressChange> CompleteContent(Enrollment enrollment, Certification certification, string criterionId, DateTimeOffset now)
    {
        var found = Find(enrollment, certification, criterionId);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (found.Value.Kind != CriterionKind.Content)
        {
            return Error.Conflict($"'{found.Value.Title}' is a {found.Value.Kind.ToName()} criterion; only content criteria are marked done by the learner.");
        }

        if (enrollment.Progress(criterionId)!.State == CriterionState.Met)
        {
            return ProgressChange.Unchanged(enrollment);
        }

        return ProgressChange.To(
            Started(enrollment, now).WithCriterion(criterionId, c => c with { State = CriterionState.Met, MetAt = now, UpdatedAt = now, MetBy = "learner" }));
    }

    /// <summary>
    /// Evidence goes on activity criteria. After an assessor or approver sent the work back, new evidence reopens
    /// the criterion, and the record is In progress again (seed 003: "the learner can resubmit").
    /// </summary>
    public static Result<ProgressChange> AddEvidence(Enrollment enrollment, Certification certification, string criterionId, EvidenceItem evidence)
    {
        var accepts = AcceptsEvidence(enrollment, certification, criterionId);
        if (!accepts.IsSuccess)
        {
            return accepts.Error!;
        }

        if (string.IsNullOrWhiteSpace(evidence.Text) && evidence.Files.Count == 0)
        {
            return Error.Invalid("text", "Send a text, one or more files, or both.");
        }

        var errors = new FieldErrors();
        errors.RequireText("text", evidence.Text, MaxEvidenceText, required: false, multiline: true);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var reworking = enrollment.Approval == ApprovalState.Rejected;
        var changed = Started(enrollment, evidence.AddedAt).WithCriterion(criterionId, c => c with
        {
            State = CriterionState.Evidenced,
            MetAt = null,
            MetBy = null,
            UpdatedAt = evidence.AddedAt,
            Evidence = [.. c.Evidence, evidence],
            HandIns = c.HandIns + 1,
        });
        return ProgressChange.To(reworking ? changed with { Approval = ApprovalState.NotRequested, ApprovalRequestedAt = null } : changed);
    }

    /// <summary>Whether the criterion takes evidence now (so files need not be uploaded for a hand-in that would be refused).</summary>
    public static Result<Criterion> AcceptsEvidence(Enrollment enrollment, Certification certification, string criterionId)
    {
        var found = Find(enrollment, certification, criterionId);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (found.Value.Kind != CriterionKind.Activity)
        {
            return Error.Conflict($"'{found.Value.Title}' is a {found.Value.Kind.ToName()} criterion; evidence is handed in on activity criteria.");
        }

        var progress = enrollment.Progress(criterionId)!;
        var reworking = enrollment.Approval == ApprovalState.Rejected;
        if (progress.State == CriterionState.AwaitingAssessment || (progress.State == CriterionState.Met && !reworking))
        {
            return Error.Conflict(progress.State == CriterionState.Met
                ? $"'{found.Value.Title}' is already met."
                : $"'{found.Value.Title}' is waiting for an assessor; add evidence after their decision.");
        }

        return progress.HandIns >= MaxEvidencePerCriterion
            ? Error.Conflict($"'{found.Value.Title}' already has {MaxEvidencePerCriterion} pieces of evidence.")
            : found.Value;
    }

    /// <summary>Sends evidenced work to the assessors; after a rejected approval, asks for approval again.</summary>
    public static Result<ProgressChange> Submit(Enrollment enrollment, DateTimeOffset now)
    {
        if (Closed(enrollment) is { } closed)
        {
            return closed;
        }

        var evidenced = enrollment.Criteria.Where(c => c.State == CriterionState.Evidenced).Select(c => c.CriterionId).ToHashSet();
        var resubmitting = enrollment.Approval == ApprovalState.Rejected;
        if (evidenced.Count == 0 && !resubmitting)
        {
            return enrollment.SubmittedAt is not null && enrollment.Criteria.Any(c => c.State == CriterionState.AwaitingAssessment)
                ? ProgressChange.Unchanged(enrollment)
                : Error.Conflict("There is nothing to submit: add evidence to an activity criterion first.");
        }

        return ProgressChange.To(enrollment with
        {
            SubmittedAt = now,
            StartedAt = enrollment.StartedAt ?? now,
            Approval = resubmitting ? ApprovalState.NotRequested : enrollment.Approval,
            ApprovalRequestedAt = resubmitting ? null : enrollment.ApprovalRequestedAt,
            // A coach-review criterion has nothing to hand in: submitting puts it before the coach with the evidence.
            Criteria = [.. enrollment.Criteria.Select(
                c => evidenced.Contains(c.CriterionId) || (c.Kind == CriterionKind.Review && c.State is CriterionState.NotStarted)
                    ? c with { State = CriterionState.AwaitingAssessment, UpdatedAt = now }
                    : c)],
        });
    }

    internal static Error? Closed(Enrollment enrollment) =>
        !enrollment.IsActive ? Error.Conflict("This enrollment was withdrawn.")
        : enrollment.EarnedAt is not null ? Error.Conflict("This certification is already earned.")
        : null;

    internal static Result<Criterion> Find(Enrollment enrollment, Certification certification, string criterionId)
    {
        if (Closed(enrollment) is { } closed)
        {
            return closed;
        }

        var criterion = certification.Criteria.FirstOrDefault(c => c.Id == criterionId);
        return criterion is null || enrollment.Progress(criterionId) is null ? Error.NotFound("The criterion") : criterion;
    }

    private static Enrollment Started(Enrollment enrollment, DateTimeOffset now) =>
        enrollment.StartedAt is null ? enrollment with { StartedAt = now } : enrollment;
}
