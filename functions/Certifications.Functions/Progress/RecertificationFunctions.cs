using Certifications.Domain.Progress;
using Certifications.Functions.Enrollments;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Certifications.Storage.Certificates;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Progress;

/// <summary>A learner renews an earned certification whose certificate was revoked, has expired or expires within 30 days.</summary>
[RequiresCertificationsAddOn]
public sealed class RecertificationFunctions(
    EnrollmentService enrollments, CertificateRepository certificates, ProgressService progress, TimeProvider clock)
{
    [ApiResponse(200, typeof(EnrollmentDetail))]
    [Function(nameof(Recertify))]
    public async Task<IActionResult> Recertify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enrollments/{id}/recertify")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var visible = await enrollments.FindVisibleAsync(caller, id, cancellationToken);
        if (!visible.IsSuccess)
        {
            return Problems.For(visible.Error!);
        }

        var certificate = visible.Value.Enrollment.Value.CertificateId is { } certificateId
            ? (await certificates.GetAsync(certificateId, cancellationToken))?.Value
            : null;
        // The earned workflow has ended; the renewed record wakes a new one (WorkflowSignals).
        return (await progress.AsLearnerAsync(caller, id, (e, c, now) => Recertification.Start(e, c, certificate, now), durable, cancellationToken))
            .ToHttp(clock.GetUtcNow());
    }
}
