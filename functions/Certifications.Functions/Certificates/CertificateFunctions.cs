using Certifications.Domain.Common;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.Functions.Certificates;

/// <summary>Certificates for their owner, coach and admins: read, download, revoke and reinstate.</summary>
[RequiresCertificationsAddOn]
public sealed class CertificateFunctions(CertificateService certificates, TimeProvider clock)
{
    [ApiResponse(200, typeof(CertificateResponse))]
    [Function(nameof(GetCertificate))]
    public async Task<IActionResult> GetCertificate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certificates/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        (await certificates.GetAsync(EndpointGate.CallerOf(request), id, cancellationToken)).ToHttp(v => ApiResult.Ok(CertificateResponse.From(v)));

    [ApiResponse(200, typeof(ListResponse<CertificateResponse>))]
    [Function(nameof(MyCertificates))]
    public async Task<IActionResult> MyCertificates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/certificates")] HttpRequest request, CancellationToken cancellationToken) =>
        ListPaging.Answer(request, (await certificates.MineAsync(EndpointGate.CallerOf(request), cancellationToken)).Select(CertificateResponse.From));

    [ApiResponse(200, typeof(ListResponse<CertificateResponse>))]
    [Function(nameof(UserCertificates))]
    public async Task<IActionResult> UserCertificates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users/{id}/certificates")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        ListPaging.Answer(
            request, (await certificates.OfLearnerAsync(EndpointGate.CallerOf(request), id, cancellationToken))
                .Map(found => (IReadOnlyList<CertificateResponse>)[.. found.Select(CertificateResponse.From)]));

    [ApiResponse(200, ContentType = "application/pdf", Description = "The certificate")]
    [Function(nameof(DownloadCertificate))]
    public async Task<IActionResult> DownloadCertificate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certificates/{id}/pdf")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        (await certificates.OpenAsync(EndpointGate.CallerOf(request), id, CertificateFormat.Pdf, cancellationToken))
            .ToHttp(found => CertificateFormats.Stream(found.Certificate, found.File, CertificateFormat.Pdf));

    [ApiResponse(200, ContentType = "image/png", Description = "The certificate's picture, drawn with its PDF")]
    [Function(nameof(CertificatePicture))]
    public async Task<IActionResult> CertificatePicture(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certificates/{id}/picture")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        (await certificates.OpenAsync(EndpointGate.CallerOf(request), id, CertificateFormat.Png, cancellationToken))
            .ToHttp(found => CertificateFormats.Stream(found.Certificate, found.File, CertificateFormat.Png));

    [ApiRequest(typeof(RevokeInput))]
    [ApiResponse(200, typeof(Verification))]
    [Function(nameof(RevokeCertificate))]
    public async Task<IActionResult> RevokeCertificate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certificates/{id}/revoke")] HttpRequest request, string id,
            CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        return (await request.ReadJsonAsync<RevokeInput>().BindAsync(input => certificates.RevokeAsync(caller, id, input, cancellationToken)))
            .ToHttp(c => ApiResult.Ok(Verification.Of(c, clock.GetUtcNow())));
    }

    [ApiResponse(200, typeof(Verification))]
    [Function(nameof(ReinstateCertificate))]
    public async Task<IActionResult> ReinstateCertificate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certificates/{id}/reinstate")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        (await certificates.ReinstateAsync(EndpointGate.CallerOf(request), id, cancellationToken)).ToHttp(
            c => ApiResult.Ok(Verification.Of(c, clock.GetUtcNow())));
}

/// <summary>A certificate as the API returns it to its owner, their coach and admins.</summary>
public sealed record CertificateResponse(
    string Id, string Status, string EnrollmentId, string CertificationId, string Certification, string LearnerId, string Learner,
    string Issuer, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedReason, string? RevokedBy,
    string? PdfSha256, long? PdfBytes, string? DownloadUrl, DateTimeOffset? DownloadUrlExpiresAt, string VerifyPath, string VerifyUrl,
    bool CanRecertify)
{
    public static CertificateResponse From(VisibleCertificate view)
    {
        var c = view.Certificate;
        return new(c.Id, view.Status.ToString().ToLowerInvariant(), c.EnrollmentId, c.CertificationId, c.CertificationTitle, c.LearnerId, c.LearnerName,
            c.OrganizationName, c.IssuedAt, c.ExpiresAt, c.RevokedAt, c.RevokedReason, c.RevokedBy, c.PdfSha256, c.PdfBytes,
            view.DownloadUrl?.ToString(), view.DownloadUrlExpiresAt, $"/api/verify/{c.Id}", view.VerifyUrl, view.CanRecertify);
    }
}
