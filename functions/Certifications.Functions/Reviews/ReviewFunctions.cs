using Certifications.Domain.Common;
using Certifications.Domain.Progress;
using Certifications.Functions.Enrollments;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Certifications.Functions.Progress;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Reviews;

/// <summary>The review queue, review decisions on criteria, and approval decisions.</summary>
[RequiresCertificationsAddOn]
public sealed class ReviewFunctions(ReviewQueue queue, ProgressService progress, TimeProvider clock)
{
    [ApiResponse(200, typeof(ListResponse<ReviewQueueItem>))]
    [Function(nameof(GetReviewQueue))]
    public async Task<IActionResult> GetReviewQueue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reviews/queue")] HttpRequest request, CancellationToken cancellationToken) =>
        ListPaging.Answer(request, await queue.ForAsync(EndpointGate.CallerOf(request), cancellationToken));

    [ApiRequest(typeof(AssessorSteps.ReviewInput))]
    [ApiResponse(200, typeof(EnrollmentDetail))]
    [Function(nameof(ReviewCriterion))]
    public async Task<IActionResult> ReviewCriterion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enrollments/{id}/criteria/{criterionId}/reviews")] HttpRequest request, string id,
            string criterionId,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var result = await request.ReadJsonAsync<AssessorSteps.ReviewInput>().BindAsync(input => progress.ApplyAsync(
            caller, id, (found, now) =>
                AssessorSteps.Review(
                found.Enrollment.Value, found.Certification, criterionId, caller, found.IsCoachedBy(caller), input, now), durable, cancellationToken));
        return result.ToHttp(clock.GetUtcNow());
    }

    [ApiRequest(typeof(AssessorSteps.ApprovalInput))]
    [ApiResponse(200, typeof(EnrollmentDetail))]
    [Function(nameof(DecideApproval))]
    public async Task<IActionResult> DecideApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enrollments/{id}/approval")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var result = await request.ReadJsonAsync<AssessorSteps.ApprovalInput>().BindAsync(input => progress.ApplyAsync(
            caller, id, (found, now) =>
                AssessorSteps.DecideApproval(found.Enrollment.Value, caller, found.IsCoachedBy(caller), input, now), durable, cancellationToken));
        return result.ToHttp(clock.GetUtcNow());
    }
}
