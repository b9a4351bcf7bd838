using Certifications.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace Certifications.Functions.Http;

/// <summary>Maps expected errors to RFC 9457 problem documents, in one place.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden or ErrorKind.AddOnDisabled => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A problem type URI per kind, so clients can branch on it without parsing titles.</summary>
    public static string TypeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => "https://certifications.dev/problems/validation",
        ErrorKind.Unauthorized => "https://certifications.dev/problems/unauthenticated",
        ErrorKind.Forbidden => "https://certifications.dev/problems/forbidden",
        ErrorKind.AddOnDisabled => "https://certifications.dev/problems/add-on-disabled",
        ErrorKind.NotFound => "https://certifications.dev/problems/not-found",
        ErrorKind.Conflict => "https://certifications.dev/problems/conflict",
        ErrorKind.PreconditionFailed => "https://certifications.dev/problems/stale-etag",
        ErrorKind.PayloadTooLarge => "https://certifications.dev/problems/too-large",
        ErrorKind.UnsupportedMediaType => "https://certifications.dev/problems/unsupported-media-type",
        ErrorKind.TooManyRequests => "https://certifications.dev/problems/too-many-requests",
        _ => "about:blank",
    };

    public static ApiResult For(Error error)
    {
        var status = StatusOf(error.Kind);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["type"] = TypeOf(error.Kind),
            ["title"] = error.Title,
            ["status"] = status,
            ["detail"] = error.Detail,
        };
        if (error.Fields is { Count: > 0 })
        {
            body["errors"] = error.Fields;
        }

        foreach (var (key, value) in error.Extensions ?? new Dictionary<string, object?>())
        {
            body[key] = value;
        }

        return new ApiResult(status, body, ContentType);
    }
}
