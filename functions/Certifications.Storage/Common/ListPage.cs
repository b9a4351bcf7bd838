namespace Certifications.Storage.Common;

/// <summary>One page of a listing and the opaque token for the next page, if there is one.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);
