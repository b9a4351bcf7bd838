using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Policies;
using Certifications.Functions.Workflow;

namespace Certifications.Functions.Enrollments;

/// <summary>How far a learner is: criteria met of all, and the whole percent.</summary>
public sealed record ProgressSummary(int Met, int Total, int Percent)
{
    public static ProgressSummary Of(Domain.Enrollments.Enrollment e) => new(e.CriteriaMet, e.Criteria.Count, e.ProgressPercent);
}

/// <summary>Who a learning record belongs to.</summary>
public sealed record LearnerSummary(string Id, string DisplayName, string Email);

/// <summary>A certification as a line in a list.</summary>
public sealed record CertificationRef(string Id, string Title, CertificationStatus Status);

/// <summary>One line of a learner's assignment list (GET /me/assignments).</summary>
public sealed record AssignmentListItem(
    string EnrollmentId, CertificationRef Certification, EnrollmentSource Source, EnrollmentStatus Status, string StatusName,
    ProgressSummary Progress, DateTimeOffset? DueDate, bool Overdue, string? Message, DateTimeOffset EnrolledAt)
{
    public static AssignmentListItem From(Domain.Enrollments.Enrollment e, Certification c, DateTimeOffset now) => new(
        e.Id, new CertificationRef(c.Id, c.Title, c.Status), e.Source, e.Status, e.Status.ToDisplayName(),
        ProgressSummary.Of(e), e.DueDate, e.IsOverdue(now), e.Message, e.EnrolledAt);
}

/// <summary>One line of a certification's learning records.</summary>
public sealed record LearningRecord(
    string EnrollmentId, LearnerSummary Learner, EnrollmentSource Source, EnrollmentStatus Status, string StatusName,
    ProgressSummary Progress, DateTimeOffset? DueDate, bool Overdue, DateTimeOffset EnrolledAt, DateTimeOffset? StartedAt)
{
    public static LearningRecord From(Domain.Enrollments.Enrollment e, DateTimeOffset now) => new(
        e.Id, new LearnerSummary(e.LearnerId, e.LearnerName, e.LearnerEmail), e.Source, e.Status, e.Status.ToDisplayName(),
        ProgressSummary.Of(e), e.DueDate, e.IsOverdue(now), e.EnrolledAt, e.StartedAt);
}

/// <summary>One criterion of the progress detail, with its definition beside the learner's state.</summary>
public sealed record CriterionProgressItem(
    string CriterionId, string Kind, string Title, CriterionState State, DateTimeOffset? UpdatedAt, DateTimeOffset? MetAt, string? MetBy, int? Score,
    IReadOnlyList<CriterionProgressItem.EvidenceEntry> Evidence, IReadOnlyList<Review> Reviews)
{
    /// <summary>What the criterion asks, in the admin's words.</summary>
    public string? Description { get; init; }

    /// <summary>The learner hands in evidence for it (an activity criterion that asks for some).</summary>
    public bool EvidenceRequired { get; init; }

    /// <summary>The LMS activity that completes it, when it is completed in the LMS.</summary>
    public string? ExternalActivityId { get; init; }

    public static CriterionProgressItem From(CriterionProgress p, Criterion d, IReadOnlyList<Review> reviews) => new(
        d.Id, d.Kind.ToName(), d.Title, p.State, p.UpdatedAt, p.MetAt, p.MetBy, p.Score,
        [.. p.Evidence.Select(e => new EvidenceEntry(e.Id, e.Text, [.. e.Files.Select(f => new EvidenceFileEntry(f.Name, f.ContentType, f.Size))], e.AddedAt))],
        [.. reviews.Where(r => r.CriterionId == d.Id)])
    {
        Description = d.Description,
        EvidenceRequired = d.EvidenceRequired,
        ExternalActivityId = d.ExternalActivityId,
    };

    /// <summary>One hand-in as the learner and assessors see it.</summary>
    public sealed record EvidenceEntry(string Id, string? Text, IReadOnlyList<EvidenceFileEntry> Files, DateTimeOffset AddedAt);

    /// <summary>A file of a hand-in; its bytes stay in Blob Storage.</summary>
    public sealed record EvidenceFileEntry(string Name, string ContentType, long Size);
}

/// <summary>The progress detail of one learning record (GET /enrollments/{id}).</summary>
public sealed record EnrollmentDetail(
    string Id, CertificationRef Certification, bool RequireApproval, LearnerSummary Learner, EnrollmentSource Source,
    EnrollmentStatus Status, string StatusName, ProgressSummary Progress, DateTimeOffset? DueDate, bool Overdue, string? Message,
    DateTimeOffset EnrolledAt, string EnrolledBy, DateTimeOffset? StartedAt, DateTimeOffset? SubmittedAt, ApprovalState Approval,
    DateTimeOffset? EarnedAt, string? CertificateId, DateTimeOffset? WithdrawnAt, IReadOnlyList<CriterionProgressItem> Criteria,
    DateTimeOffset? ApprovalRequestedAt, IReadOnlyList<ApprovalRecord> ApprovalDecisions)
{
    /// <summary>The orchestration's runtime state; shown to admins only.</summary>
    public WorkflowStatus? Workflow { get; init; }

    public static EnrollmentDetail From(Domain.Enrollments.Enrollment e, Certification c, DateTimeOffset now) => new(
        e.Id, new CertificationRef(c.Id, c.Title, c.Status), c.RequireApproval, new LearnerSummary(e.LearnerId, e.LearnerName, e.LearnerEmail),
        e.Source, e.Status, e.Status.ToDisplayName(), ProgressSummary.Of(e), e.DueDate, e.IsOverdue(now), e.Message,
        e.EnrolledAt, e.EnrolledBy, e.StartedAt, e.SubmittedAt, e.Approval, e.EarnedAt, e.CertificateId, e.WithdrawnAt,
        [.. e.Criteria.Join(c.Criteria, p => p.CriterionId, d => d.Id, (p, d) => CriterionProgressItem.From(p, d, e.Reviews))],
        e.ApprovalRequestedAt, e.ApprovalDecisions);
}

/// <summary>The body of POST /certifications/{id}/assignments.</summary>
public sealed record AssignmentInput(IReadOnlyList<string>? LearnerIds, IReadOnlyList<string>? GroupIds, DateTimeOffset? DueDate, string? Message);

/// <summary>What an assignment did, per learner.</summary>
public sealed record AssignmentReport(int Created, int AlreadyEnrolled, IReadOnlyList<AssignmentReport.Line> Results, IReadOnlyList<string> SkippedNotInTeam)
{
    public static AssignmentReport From(IReadOnlyList<AssignmentOutcome> outcomes, IReadOnlyList<string> skipped) => new(
        outcomes.Count(o => o.Result == AssignmentResult.Created),
        outcomes.Count(o => o.Result == AssignmentResult.AlreadyEnrolled),
        [.. outcomes.Select(o => new Line(o.LearnerId, o.Result, o.Enrollment.Id, o.DueDateAdded))],
        skipped);

    /// <summary>One learner's outcome.</summary>
    public sealed record Line(string LearnerId, AssignmentResult Result, string EnrollmentId, bool DueDateAdded);
}

/// <summary>A certification a coach's team may be in, with the team's learning records in it (GET /me/team/learning-records).</summary>
public sealed record TeamCertificationRecords(string Id, string Title, IReadOnlyList<LearningRecord> Records);

/// <summary>A page of a certification's learning records, with the certification they belong to.</summary>
public sealed record LearningRecordsResponse(CertificationRef Certification, IReadOnlyList<LearningRecord> Items, string? ContinuationToken);
