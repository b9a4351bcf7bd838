using Microsoft.AspNetCore.Http;

namespace Certifications.Functions.Http;

/// <summary>Reading the conditional-request headers the API honours.</summary>
public static class RequestHeaders
{
    /// <summary>The If-Match ETag, or null when the caller did not send one.</summary>
    public static string? IfMatch(this HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString();
        return string.IsNullOrWhiteSpace(value) || value == "*" ? null : value.Trim();
    }
}
