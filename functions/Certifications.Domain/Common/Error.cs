namespace Certifications.Domain.Common;

/// <summary>The kinds of expected failure; each maps to one HTTP status in one place.</summary>
public enum ErrorKind
{
    Invalid,
    Unauthorized,
    Forbidden,
    AddOnDisabled,
    NotFound,
    Conflict,
    PreconditionFailed,
    PayloadTooLarge,
    UnsupportedMediaType,
    TooManyRequests,
}

/// <summary>An expected failure: what went wrong, for whom to read, and per-field details for validation.</summary>
public sealed record Error(ErrorKind Kind, string Title, string Detail)
{
    /// <summary>Validation messages keyed by the JSON path of the field they are about.</summary>
    public IReadOnlyDictionary<string, string[]>? Fields { get; init; }

    /// <summary>Extra members for the problem document (e.g. the id of the conflicting resource).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static Error NotFound(string what) =>
        new(ErrorKind.NotFound, "Not found", $"{what} was not found.");

    public static Error Forbidden(string detail) =>
        new(ErrorKind.Forbidden, "Forbidden", detail);

    public static Error Conflict(string detail) =>
        new(ErrorKind.Conflict, "Conflict", detail);

    public static Error Invalid(string detail) =>
        new(ErrorKind.Invalid, "Invalid request", detail);

    public static Error Invalid(string field, string message) =>
        new(ErrorKind.Invalid, "Invalid request", message)
        {
            Fields = new Dictionary<string, string[]> { [field] = [message] },
        };

    public static Error Stale(string what) =>
        new(ErrorKind.PreconditionFailed, "Precondition failed",
            $"{what} was changed by someone else since you read it; read it again and retry with its new ETag.");

    public static Error AddOnDisabled() =>
        new(ErrorKind.AddOnDisabled, "Certifications add-on is disabled",
            "The Certifications add-on is turned off for this organization. A super admin can turn it on in the organization settings.");
}
