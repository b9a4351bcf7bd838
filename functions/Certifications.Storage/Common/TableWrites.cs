using Azure;
using Certifications.Domain.Common;

namespace Certifications.Storage.Common;

/// <summary>Turns the Table service's expected refusals into domain errors; everything else stays an exception.</summary>
internal static class TableWrites
{
    public static async Task<Result<string>> ConditionalAsync(Func<Task<Response>> write, string what)
    {
        try
        {
            var response = await write().ConfigureAwait(false);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return Error.Stale(what);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Error.NotFound(what);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return Error.Conflict($"{what} already exists.");
        }
    }

    /// <summary>The request's If-Match, or "*" when the caller did not send one (last writer wins, as they asked).</summary>
    public static ETag IfMatch(string? etag) => string.IsNullOrEmpty(etag) ? ETag.All : new ETag(etag);
}
