namespace Certifications.Domain.Enrollments;

/// <summary>One hand-in of evidence for a criterion: a text, files, or both.</summary>
public sealed record EvidenceItem
{
    public required string Id { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<EvidenceFile> Files { get; init; } = [];

    public required DateTimeOffset AddedAt { get; init; }
}

/// <summary>A file of evidence; its bytes live in Blob Storage under <see cref="BlobName"/>.</summary>
public sealed record EvidenceFile(string Name, string ContentType, long Size, string BlobName);
