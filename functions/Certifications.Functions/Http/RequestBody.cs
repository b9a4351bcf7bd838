using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Certifications.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Certifications.Functions.Http;

/// <summary>Reads a JSON body into a request record, answering every way it can be wrong with a clear error.</summary>
public static class RequestBody
{
    public const long DefaultMaxBytes = 256 * 1024;

    public static Task<Result<T>> ReadJsonAsync<T>(this HttpRequest request, long maxBytes = DefaultMaxBytes)
        where T : class =>
        ReadAsync<T>(request, maxBytes, empty: null, representation: null);

    /// <summary>A body that may be left out: no body at all reads as <paramref name="empty"/>.</summary>
    public static Task<Result<T>> ReadOptionalJsonAsync<T>(this HttpRequest request, T empty, long maxBytes = DefaultMaxBytes)
        where T : class =>
        ReadAsync(request, maxBytes, empty, representation: null);

    /// <summary>
    /// The body of a PUT that may echo the resource as a GET showed it: a read-only field of <paramref name="representation"/>
    /// sent back unchanged is ignored, a changed one is refused by name, and unknown fields are refused as ever. The
    /// resource is only read when the body holds a field the input does not have.
    /// </summary>
    public static Task<Result<T>> ReadJsonAsync<T>(this HttpRequest request, Func<Task<object?>> representation, long maxBytes = DefaultMaxBytes)
        where T : class =>
        ReadAsync<T>(request, maxBytes, empty: null, representation);

    /// <summary>
    /// A form (multipart or urlencoded) read within <paramref name="maxBytes"/> in all, even when the client sends no
    /// Content-Length (chunked): the body is read through a limit, and past it the answer is 413.
    /// </summary>
    public static async Task<Result<IFormCollection>> ReadFormAsync(this HttpRequest request, long maxBytes, string tooLarge)
    {
        if (request.ContentLength > maxBytes)
        {
            return new Error(ErrorKind.PayloadTooLarge, "Request too large", tooLarge);
        }

        request.Body = new LimitedStream(request.Body, maxBytes);
        try
        {
            return Result<IFormCollection>.Ok(
                await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes }, request.HttpContext.RequestAborted).ConfigureAwait(false));
        }
        catch (Exception e) when (e is LimitedStream.TooLargeException or InvalidDataException)
        {
            return e is LimitedStream.TooLargeException || e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? new Error(ErrorKind.PayloadTooLarge, "Request too large", tooLarge)
                : Error.Invalid("The form could not be read: " + e.Message);
        }
    }

    private static async Task<Result<T>> ReadAsync<T>(HttpRequest request, long maxBytes, T? empty, Func<Task<object?>>? representation)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        if (empty is not null && request.ContentLength == 0)
        {
            return empty;
        }

        if (request.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new Error(ErrorKind.UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.");
        }

        try
        {
            using var limited = new LimitedStream(request.Body, maxBytes);
            T? value;
            if (representation is null)
            {
                value = await JsonSerializer.DeserializeAsync<T>(limited, ApiJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                var node = await JsonNode.ParseAsync(limited, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
                if (node is JsonObject body
                    && await DropEchoesAsync(body, ApiJson.Options.GetTypeInfo(typeof(T)), representation).ConfigureAwait(false) is { } changed)
                {
                    return changed;
                }

                value = node.Deserialize<T>(ApiJson.Options);
            }

            return value is null ? Error.Invalid("The body must be a JSON object.") : value;
        }
        catch (JsonException e) when (e.Path is null or "$" && e.LineNumber == 0 && e.BytePositionInLine == 0)
        {
            return empty ?? (Result<T>)Error.Invalid("The body is empty; send a JSON object.");
        }
        catch (JsonException e)
        {
            return Describe(e);
        }
        catch (LimitedStream.TooLargeException)
        {
            return TooLarge(maxBytes);
        }
    }

    /// <summary>Removes the fields the input does not have that equal the representation's; an error names those that differ.</summary>
    private static async Task<Error?> DropEchoesAsync(JsonObject body, JsonTypeInfo input, Func<Task<object?>> representation)
    {
        var foreign = ForeignMembers(body, input);
        if (foreign.Count == 0)
        {
            return null;
        }

        var current = await representation().ConfigureAwait(false) is { } shown ? JsonSerializer.SerializeToNode(shown, ApiJson.Options) as JsonObject : null;
        if (current is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        Drop(body, input, current, string.Empty, errors);
        return errors.Any ? errors.ToError("The body changes fields that are read-only; send them as read or leave them out.") : null;
    }

    private static void Drop(JsonObject body, JsonTypeInfo input, JsonObject current, string path, FieldErrors errors)
    {
        foreach (var name in ForeignMembers(body, input))
        {
            if (current.TryGetPropertyValue(name, out var shown))
            {
                if (JsonNode.DeepEquals(body[name], shown))
                {
                    body.Remove(name);
                }
                else
                {
                    errors.Add(path + name, "is read-only; send it as read or leave it out.");
                }
            }
        }

        // An object the input has a record for may echo read-only fields of its own (e.g. branding).
        foreach (var property in input.Properties)
        {
            if (body[property.Name] is JsonObject inner && current[property.Name] is JsonObject shownInner
                && ApiJson.Options.GetTypeInfo(property.PropertyType) is { Kind: JsonTypeInfoKind.Object } innerType)
            {
                Drop(inner, innerType, shownInner, $"{path}{property.Name}.", errors);
            }
        }
    }

    private static List<string> ForeignMembers(JsonObject body, JsonTypeInfo input) =>
        [.. body.Select(p => p.Key).Where(name => !input.Properties.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))];

    private static Error TooLarge(long maxBytes) =>
        new(ErrorKind.PayloadTooLarge, "Request too large", $"The body may be at most {maxBytes / 1024} KB.");

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
