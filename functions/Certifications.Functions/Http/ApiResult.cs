using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Certifications.Functions.Http;

/// <summary>
/// A JSON (or problem+json) response written with <see cref="ApiJson"/>; it needs no MVC formatters, so it
/// behaves the same under the Functions host and the dev host.
/// </summary>
public sealed class ApiResult(int status, object? body, string contentType = "application/json") : IActionResult
{
    public int Status { get; } = status;

    public object? Body { get; } = body;

    public string? ETag { get; init; }

    public string? Location { get; init; }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = Status;
        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Body is null)
        {
            return;
        }

        response.ContentType = contentType + "; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), ApiJson.Options, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    public static ApiResult Ok(object body, string? etag = null) => new(StatusCodes.Status200OK, body) { ETag = etag };

    public static ApiResult Created(object body, string location, string? etag = null) =>
        new(StatusCodes.Status201Created, body) { Location = location, ETag = etag };

    public static ApiResult NoContent() => new(StatusCodes.Status204NoContent, null);

    /// <summary>Taken, and done in the background (a render).</summary>
    public static ApiResult Accepted(object body) => new(StatusCodes.Status202Accepted, body);
}
