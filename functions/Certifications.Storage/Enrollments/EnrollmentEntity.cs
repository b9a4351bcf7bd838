using Azure;
using Azure.Data.Tables;
using Certifications.Domain.Enrollments;
using Certifications.Storage.Common;

namespace Certifications.Storage.Enrollments;

/// <summary>
/// A learning record. Partition = organization and certification, row = learner: a certification's learning
/// records are one partition, and a second enrollment of the same learner cannot exist. Its hand-ins, reviews and
/// approval decisions are rows of their own beside it (<see cref="HistoryEntity"/>), so this row stays small.
/// </summary>
internal sealed class EnrollmentEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string OrganizationId { get; set; } = string.Empty;

    public string CertificationId { get; set; } = string.Empty;

    public string LearnerName { get; set; } = string.Empty;

    public string LearnerEmail { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    public DateTimeOffset EnrolledAt { get; set; }

    public string EnrolledBy { get; set; } = string.Empty;

    public DateTimeOffset? DueDate { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string Criteria { get; set; } = "[]";

    public string Approval { get; set; } = nameof(ApprovalState.NotRequested);

    public DateTimeOffset? ApprovalRequestedAt { get; set; }

    public int ReviewCount { get; set; }

    public int ApprovalCount { get; set; }

    public int Round { get; set; }

    public DateTimeOffset? EarnedAt { get; set; }

    public string? CertificateId { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Derived, but stored so that listings can filter by it on the server.</summary>
    public string Status { get; set; } = string.Empty;

    public bool Active { get; set; }

    /// <summary>Derived and stored so that the review queue is a filtered query.</summary>
    public bool AwaitsReviewer { get; set; }

    public static string Partition(string organizationId, string certificationId) => $"{organizationId}|{certificationId}";

    public static EnrollmentEntity From(Enrollment e) => new()
    {
        PartitionKey = Partition(e.OrganizationId, e.CertificationId),
        RowKey = e.LearnerId,
        OrganizationId = e.OrganizationId,
        CertificationId = e.CertificationId,
        LearnerName = e.LearnerName,
        LearnerEmail = e.LearnerEmail,
        Source = e.Source.ToString(),
        EnrolledAt = e.EnrolledAt,
        EnrolledBy = e.EnrolledBy,
        DueDate = e.DueDate,
        Message = e.Message,
        StartedAt = e.StartedAt,
        SubmittedAt = e.SubmittedAt,
        Criteria = StorageJson.Write(e.Criteria.Select(c => c with { Evidence = [] })),
        Approval = e.Approval.ToString(),
        ApprovalRequestedAt = e.ApprovalRequestedAt,
        ReviewCount = e.Reviews.Count,
        ApprovalCount = e.ApprovalDecisions.Count,
        Round = e.Round,
        EarnedAt = e.EarnedAt,
        CertificateId = e.CertificateId,
        WithdrawnAt = e.WithdrawnAt,
        Status = e.Status.ToString(),
        Active = e.IsActive,
        AwaitsReviewer = e.AwaitsReviewer,
    };

    /// <summary>The record as lists show it: its own row, without the items of its history.</summary>
    public Enrollment ToEnrollment() => new()
    {
        OrganizationId = OrganizationId,
        CertificationId = CertificationId,
        LearnerId = RowKey,
        LearnerName = LearnerName,
        LearnerEmail = LearnerEmail,
        Source = Enum.Parse<EnrollmentSource>(Source),
        EnrolledAt = EnrolledAt,
        EnrolledBy = EnrolledBy,
        DueDate = DueDate,
        Message = Message,
        StartedAt = StartedAt,
        SubmittedAt = SubmittedAt,
        Criteria = StorageJson.Read<CriterionProgress[]>(Criteria, []),
        Approval = Enum.Parse<ApprovalState>(Approval),
        ApprovalRequestedAt = ApprovalRequestedAt,
        Round = Round,
        EarnedAt = EarnedAt,
        CertificateId = CertificateId,
        WithdrawnAt = WithdrawnAt,
    };
}

/// <summary>The whole record: its row and its history rows, as one learner's range of the partition returns them.</summary>
internal static class EnrollmentRows
{
    public static Enrollment Assemble(EnrollmentEntity record, IReadOnlyList<HistoryEntity> history)
    {
        var enrollment = record.ToEnrollment();
        var evidence = history.Where(h => h.Kind == HistoryEntity.EvidenceKind && h.Round == enrollment.Round)
            .GroupBy(h => h.CriterionId!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key, g => g.OrderBy(h => h.RowKey, StringComparer.Ordinal).Select(h => h.Read<EvidenceItem>()).ToArray(), StringComparer.Ordinal);
        return enrollment with
        {
            Criteria = [.. enrollment.Criteria.Select(c => evidence.TryGetValue(c.CriterionId, out var items) ? c with { Evidence = items } : c)],
            Reviews = [.. history.Where(h => h.Kind == HistoryEntity.ReviewKind).OrderBy(h => h.RowKey, StringComparer.Ordinal).Select(h => h.Read<Review>())],
            ApprovalDecisions = [.. history.Where(h => h.Kind == HistoryEntity.ApprovalKind).OrderBy(h => h.RowKey, StringComparer.Ordinal).Select(
                h => h.Read<ApprovalRecord>())],
        };
    }
}

/// <summary>A learner's assignment-list row: points at the learning record of one certification.</summary>
internal sealed class LearnerEnrollmentEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    /// <summary>The certification id.</summary>
    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public static string Partition(string organizationId, string learnerId) => $"{organizationId}|{learnerId}";
}
