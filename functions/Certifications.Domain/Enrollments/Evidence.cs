namespace Certifications.Domain.Enrollments;

/// <summary>One hand-in of evidence for a criterion: a text, files, or both.</summary>
public sealed record EvidenceItem
{
    public const int MaxFileNameLength = 200;

    public required string Id { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<EvidenceFile> Files { get; init; } = [];

    public required DateTimeOffset AddedAt { get; init; }
}

/// <summary>A file of evidence; its bytes live in Blob Storage under <see cref="BlobName"/>.</summary>
public sealed record EvidenceFile(string Name, string ContentType, long Size, string BlobName)
{
    /// <summary>Why a file name cannot be kept, or null: names are shown in lists and sent in download headers.</summary>
    public static string? Refuses(string name) =>
        name.Length > EvidenceItem.MaxFileNameLength
            ? $"'{name[..40]}…' is a file name longer than {EvidenceItem.MaxFileNameLength} characters; rename the file."
        : !Common.TextRules.IsSingleLine(name)
            ? "A file name holds control or invisible formatting characters (such as a right-to-left override); rename the file."
        : null;
}
