using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Certifications.Functions.Certificates;

/// <summary>For super admins: the certificates that have not reached their learners, and rendering one again after a fix.</summary>
[RequiresCertificationsAddOn]
public sealed class CertificateDeliveryFunctions(CertificateDelivery delivery, TimeProvider clock)
{
    [ApiResponse(200, typeof(ListResponse<CertificateAttention>))]
    [Function(nameof(CertificatesNeedingAttention))]
    public async Task<IActionResult> CertificatesNeedingAttention(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certificates/attention")] HttpRequest request, CancellationToken cancellationToken) =>
        ListPaging.Answer(request, await delivery.AttentionAsync(EndpointGate.CallerOf(request), cancellationToken));

    [ApiResponse(202, typeof(CertificateAttention))]
    [Function(nameof(RenderCertificateAgain))]
    public async Task<IActionResult> RenderCertificateAgain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certificates/{id}/render")] HttpRequest request, string id,
            CancellationToken cancellationToken) =>
        (await delivery.RenderAgainAsync(EndpointGate.CallerOf(request), id, cancellationToken))
            .ToHttp(c => ApiResult.Accepted(CertificateAttention.Of(c, clock.GetUtcNow())));
}
