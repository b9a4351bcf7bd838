using Certifications.Domain.Common;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Webhooks;

/// <summary>The LMS webhook: public, authenticated by the Standard Webhooks signature instead of a token.</summary>
public sealed class LmsWebhookFunctions(LmsWebhookService webhooks)
{
    [PublicEndpoint]
    [ApiRequest(typeof(LmsWebhookPayload))]
    [ApiResponse(200, typeof(LmsWebhookAnswer))]
    [Function(nameof(ReceiveLmsWebhook))]
    public async Task<IActionResult> ReceiveLmsWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/lms/{orgId}")] HttpRequest request, string orgId,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var tooLarge = new Error(ErrorKind.PayloadTooLarge, "Request too large", $"A webhook body may be at most {LmsWebhookService.MaxBodyBytes / 1024} KB.");
        if (request.ContentLength > LmsWebhookService.MaxBodyBytes)
        {
            return Problems.For(tooLarge);
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await new LimitedStream(request.Body, LmsWebhookService.MaxBodyBytes).CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }
        catch (LimitedStream.TooLargeException)
        {
            return Problems.For(tooLarge);
        }

        var headers = new WebhookHeaders(request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"]);
        return (await webhooks.ReceiveAsync(orgId, headers, body, durable, cancellationToken)).ToHttp();
    }
}
