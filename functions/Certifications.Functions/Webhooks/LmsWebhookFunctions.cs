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
    [ApiResponse(200, typeof(ListResponse<WebhookDeliveryResponse>))]
    [ApiQuery("pageSize", "how many items a page holds")]
    [ApiQuery("continuationToken", "the token of the previous page, for the next one")]
    [Function(nameof(ListLmsWebhookDeliveries))]
    public async Task<IActionResult> ListLmsWebhookDeliveries(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks/lms/deliveries")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        return (await ListQuery.From(request).BindAsync(q => webhooks.RecentAsync(caller, q, cancellationToken))).ToHttp();
    }

    [PublicEndpoint]
    [ApiRequest(typeof(LmsWebhookPayload))]
    [ApiResponse(200, typeof(LmsWebhookResponse))]
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
