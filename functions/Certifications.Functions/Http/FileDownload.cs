using Certifications.Storage.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Certifications.Functions.Http;

/// <summary>
/// A file response (a stream copied straight through, or bytes) or an HTML page, written without MVC's executors,
/// so it behaves the same under the Functions host and the dev host.
/// </summary>
public sealed class FileDownload : IActionResult
{
    private readonly Func<Stream, CancellationToken, Task> write;
    private readonly IDisposable? owned;

    private FileDownload(
        int status, string contentType, string? disposition, long? length, Func<Stream, CancellationToken, Task> write, IDisposable? owned = null)
    {
        (Status, ContentType, Disposition, Length, this.write, this.owned) = (status, contentType, disposition, length, write, owned);
    }

    public int Status { get; }

    public string ContentType { get; }

    public string? Disposition { get; }

    public long? Length { get; }

    /// <summary>Streams <paramref name="content"/> to the response and disposes it.</summary>
    public static FileDownload Stream(Stream content, string contentType, string fileName) =>
        new(StatusCodes.Status200OK, contentType, ContentDispositions.Inline(fileName), content.CanSeek ? content.Length : null,
            (body, ct) => content.CopyToAsync(body, ct), content);

    public static FileDownload Bytes(byte[] content, string contentType, string fileName) =>
        new(StatusCodes.Status200OK, contentType, ContentDispositions.Inline(fileName), content.Length, (body, ct) => body.WriteAsync(content, ct).AsTask());

    public static FileDownload Html(int status, string html)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(html);
        return new(status, "text/html; charset=utf-8", null, bytes.Length, (body, ct) => body.WriteAsync(bytes, ct).AsTask());
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        try
        {
            var response = context.HttpContext.Response;
            response.StatusCode = Status;
            response.ContentType = ContentType;
            response.ContentLength = Length;
            SecurityHeaders.Apply(response, page: ContentType.StartsWith("text/html", StringComparison.Ordinal));
            if (Disposition is not null)
            {
                response.Headers.ContentDisposition = Disposition;
            }

            await write(response.Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            owned?.Dispose();
        }
    }
}
