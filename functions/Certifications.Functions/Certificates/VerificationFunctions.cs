using Certifications.Domain.Certificates;
using Certifications.Domain.Common;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Certifications.Functions.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.Functions.Certificates;

/// <summary>The public verification of a certificate by its id: what its QR code opens.</summary>
public sealed class VerificationFunctions(CertificateService certificates, VerificationRateLimit rateLimit, ProductLinks links)
{
    /// <summary>JSON for programs; the HTML page for browsers (a scanned QR code), chosen by the Accept header or <c>?format=html</c>.</summary>
    [PublicEndpoint]
    [ApiResponse(200, typeof(Verification))]
    [ApiResponse(200, ContentType = "text/html", Description = "The verification page, for browsers")]
    [ApiResponse(404, ContentType = "text/html", Description = "The page that says there is no such certificate")]
    [ApiQuery("format", "json or html; otherwise the Accept header decides")]
    [Function(nameof(VerifyCertificate))]
    public Task<IActionResult> VerifyCertificate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "verify/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        AnswerAsync(request, id, cancellationToken);

    /// <summary>The same answer by the short route a certificate's QR code holds, its code read in any case.</summary>
    [PublicEndpoint]
    [ApiResponse(200, typeof(Verification))]
    [ApiResponse(200, ContentType = "text/html", Description = "The verification page, for browsers")]
    [ApiResponse(404, ContentType = "text/html", Description = "The page that says there is no such certificate")]
    [ApiQuery("format", "json or html; otherwise the Accept header decides")]
    [Function(nameof(VerifyScannedCertificate))]
    public Task<IActionResult> VerifyScannedCertificate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ScanLink.Route + "/{code}")] HttpRequest request, string code,
            CancellationToken cancellationToken) =>
        AnswerAsync(request, ScanLink.CertificateIdOf(code) ?? code, cancellationToken);

    /// <summary>The certificate's picture, for the verification page and link previews; rate-limited like the verification.</summary>
    [PublicEndpoint]
    [ApiResponse(200, ContentType = "image/png", Description = "The certificate's picture, drawn with its PDF")]
    [Function(nameof(VerifyCertificatePicture))]
    public Task<IActionResult> VerifyCertificatePicture(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "verify/{id}/picture")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        PublicFileAsync(request, id, CertificateFormat.Png, cancellationToken);

    /// <summary>The certificate's PDF as issued, for the verification page's download; rate-limited like the verification, none once revoked.</summary>
    [PublicEndpoint]
    [ApiResponse(200, ContentType = "application/pdf", Description = "The certificate's PDF as issued")]
    [Function(nameof(VerifyCertificatePdf))]
    public Task<IActionResult> VerifyCertificatePdf(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "verify/{id}/pdf")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        PublicFileAsync(request, id, CertificateFormat.Pdf, cancellationToken);

    private async Task<IActionResult> PublicFileAsync(HttpRequest request, string id, CertificateFormat format, CancellationToken cancellationToken)
    {
        if (!rateLimit.TryAcquire(request))
        {
            return TooMany(request);
        }

        return (await certificates.OpenPublicFileAsync(id, format, cancellationToken))
            .ToHttp(found => CertificateFormats.Stream(found.Certificate, found.File, format));
    }

    private static IActionResult TooMany(HttpRequest request)
    {
        request.HttpContext.Response.Headers.RetryAfter = "60";
        return Problems.For(new Error(ErrorKind.TooManyRequests, "Too many requests",
            $"At most {VerificationRateLimit.PermitsPerMinute} verifications a minute from one address; try again in a minute."));
    }

    private async Task<IActionResult> AnswerAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var html = WantsHtml(request);
        if (!rateLimit.TryAcquire(request))
        {
            return TooMany(request);
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!html)
        {
            return (await certificates.VerifyAsync(id, cancellationToken)).ToHttp(v => ApiResult.Ok(v));
        }

        var page = await certificates.VerificationPageAsync(id, cancellationToken);
        return page.IsSuccess
            ? FileDownload.Html(StatusCodes.Status200OK, VerificationPage.For(page.Value, links.Verify(id)))
            : FileDownload.Html(StatusCodes.Status404NotFound, VerificationPage.NotFound());
    }

    private static bool WantsHtml(HttpRequest request) =>
        string.Equals(request.Query["format"], "html", StringComparison.OrdinalIgnoreCase)
        || (request.Headers.Accept.ToString() is { } accept && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(request.Query["format"], "json", StringComparison.OrdinalIgnoreCase));
}
