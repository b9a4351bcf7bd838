namespace Certifications.Storage.Common;

/// <summary>A stored value with the ETag that a conditional write must present.</summary>
public sealed record Versioned<T>(T Value, string ETag);

/// <summary>One page of a listing and the opaque token for the next page, if there is one.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);
