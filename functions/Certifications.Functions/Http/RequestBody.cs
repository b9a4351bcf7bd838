using System.Text.Json;
using Certifications.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace Certifications.Functions.Http;

/// <summary>Reads a JSON body into a request record, answering every way it can be wrong with a clear error.</summary>
public static class RequestBody
{
    public const long DefaultMaxBytes = 256 * 1024;

    public static async Task<Result<T>> ReadJsonAsync<T>(this HttpRequest request, long maxBytes = DefaultMaxBytes)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return new Error(ErrorKind.PayloadTooLarge, "Request too large", $"The body may be at most {maxBytes / 1024} KB.");
        }

        if (request.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new Error(ErrorKind.UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.");
        }

        try
        {
            using var limited = new LimitedStream(request.Body, maxBytes);
            var value = await JsonSerializer.DeserializeAsync<T>(limited, ApiJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return value is null ? Error.Invalid("The body must be a JSON object.") : value;
        }
        catch (JsonException e) when (e.Path is null or "$" && e.LineNumber == 0 && e.BytePositionInLine == 0)
        {
            return Error.Invalid("The body is empty; send a JSON object.");
        }
        catch (JsonException e)
        {
            return Describe(e);
        }
        catch (LimitedStream.TooLargeException)
        {
            return new Error(ErrorKind.PayloadTooLarge, "Request too large", $"The body may be at most {maxBytes / 1024} KB.");
        }
    }

    private static Error Describe(JsonException e)
    {
        var field = e.Path is { Length: > 2 } path ? path[2..] : "$";
        var message = e.Message switch
        {
            var m when m.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => "is not a known field.",
            var m when m.Contains("could not be converted", StringComparison.Ordinal) => "has the wrong type.",
            _ => "is not valid JSON here.",
        };
        // The serializer's path already ends at the unknown member on current runtimes; older ones stop at its parent.
        if (message == "is not a known field." && e.Message.Split('\'') is { Length: > 2 } parts && !field.EndsWith(parts[1], StringComparison.Ordinal))
        {
            field = field == "$" ? parts[1] : $"{field}.{parts[1]}";
        }

        return new Error(ErrorKind.Invalid, "Invalid request", $"The body is not valid: '{field}' {message}")
        {
            Fields = new Dictionary<string, string[]> { [field] = [message] },
        };
    }
}
