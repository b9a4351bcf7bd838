using Certifications.Storage.Common;
using Microsoft.AspNetCore.Mvc;

namespace Certifications.Functions.Http;

/// <summary>A CSV download written straight to the response as it is produced (nothing is buffered whole).</summary>
public sealed class CsvDownload(string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = "text/csv; charset=utf-8; header=present";
        response.Headers.ContentDisposition = ContentDispositions.Attachment(fileName);
        SecurityHeaders.Apply(response, page: false);
        await write(response.Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
