using System.Globalization;
using Certifications.Domain.Common;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.Functions.Progress;

/// <summary>The files a learner handed in, for the learner and the people who assess them.</summary>
[RequiresCertificationsAddOn]
public sealed class EvidenceFileFunctions(EvidenceFiles files)
{
    [ApiResponse(200, ContentType = "*/*", Description = "The file, with the type it was handed in with")]
    [Function(nameof(DownloadEvidenceFile))]
    public async Task<IActionResult> DownloadEvidenceFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enrollments/{id}/evidence/{evidenceId}/files/{index}")] HttpRequest request,
            string id, string evidenceId, string index, CancellationToken cancellationToken)
    {
        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return Problems.For(Error.NotFound("The evidence file"));
        }

        return (await files.OpenAsync(EndpointGate.CallerOf(request), id, evidenceId, position, cancellationToken))
            .ToHttp(found => FileDownload.Stream(found.Content, found.File.ContentType, found.File.Name));
    }
}
