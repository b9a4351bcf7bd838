namespace Certifications.Domain.Enrollments;

/// <summary>A reviewer's answer to an approval request.</summary>
public enum ApprovalDecision
{
    Approve,
    Reject,
}

/// <summary>A recorded approval decision.</summary>
public sealed record ApprovalRecord
{
    public required string ApproverId { get; init; }

    public required string ApproverName { get; init; }

    public required ApprovalDecision Decision { get; init; }

    public string? Comment { get; init; }

    public required DateTimeOffset At { get; init; }
}
