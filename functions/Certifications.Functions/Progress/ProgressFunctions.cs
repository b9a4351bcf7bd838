using Certifications.Domain.Progress;
using Certifications.Functions.Enrollments;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Progress;

/// <summary>The learner's own steps: get started, mark content done, hand in evidence, submit.</summary>
[RequiresCertificationsAddOn]
public sealed class ProgressFunctions(ProgressService progress, EvidenceUpload evidence, TimeProvider clock)
{
    [ApiResponse(200, typeof(EnrollmentDetail))]
    [Function(nameof(StartEnrollment))]
    public async Task<IActionResult> StartEnrollment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enrollments/{id}/start")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        (await progress.AsLearnerAsync(
            EndpointGate.CallerOf(request), id, (e, _, now) => LearnerSteps.Start(e, now), durable, cancellationToken)).ToHttp(clock.GetUtcNow());

    [ApiResponse(200, typeof(EnrollmentDetail))]
    [Function(nameof(CompleteCriterion))]
    public async Task<IActionResult> CompleteCriterion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enrollments/{id}/criteria/{criterionId}/complete")] HttpRequest request,
            string id, string criterionId,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        (await progress.AsLearnerAsync(
            EndpointGate.CallerOf(request), id, (e, c, now) => LearnerSteps.CompleteContent(e, c, criterionId, now), durable, cancellationToken))
            .ToHttp(clock.GetUtcNow());

    [ApiRequest(ContentType = "multipart/form-data", FormFields = ["text", "file"])]
    [ApiResponse(200, typeof(EnrollmentDetail))]
    [Function(nameof(AddEvidence))]
    public async Task<IActionResult> AddEvidence(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enrollments/{id}/criteria/{criterionId}/evidence")] HttpRequest request,
            string id, string criterionId,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);

        // Check the record and criterion first, so nothing is uploaded for a hand-in that would be refused anyway.
        var precheck = await progress.AsLearnerAsync(
            caller, id, (e, c, _) => LearnerSteps.AcceptsEvidence(e, c, criterionId).Map(_ => ProgressChange.Unchanged(e)), durable, cancellationToken);
        if (!precheck.IsSuccess)
        {
            return Problems.For(precheck.Error!);
        }

        var uploaded = await evidence.ReadAsync(request, caller.OrganizationId, id, clock.GetUtcNow(), cancellationToken);
        if (!uploaded.IsSuccess)
        {
            return Problems.For(uploaded.Error!);
        }

        var result = await progress.AsLearnerAsync(
            caller, id, (e, c, _) => LearnerSteps.AddEvidence(e, c, criterionId, uploaded.Value), durable, cancellationToken);
        if (!result.IsSuccess)
        {
            // Refused after the files went up: take them down again, so a refused request leaves nothing behind.
            await evidence.DiscardAsync(uploaded.Value, CancellationToken.None);
        }
        else
        {
            await evidence.CommitAsync(uploaded.Value, CancellationToken.None);
        }

        return result.ToHttp(clock.GetUtcNow());
    }

    [ApiResponse(200, typeof(EnrollmentDetail))]
    [Function(nameof(SubmitEnrollment))]
    public async Task<IActionResult> SubmitEnrollment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enrollments/{id}/submit")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        (await progress.AsLearnerAsync(
            EndpointGate.CallerOf(request), id, (e, _, now) => LearnerSteps.Submit(e, now), durable, cancellationToken)).ToHttp(clock.GetUtcNow());

}
