using Certifications.Domain.Common;
using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Certifications.Functions.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Enrollments;

/// <summary>Assignment, self-enrollment, assignment lists, learning records, progress detail and withdrawal.</summary>
[RequiresCertificationsAddOn]
public sealed class EnrollmentFunctions(AssignmentService assignments, EnrollmentService enrollments, WorkflowSignals workflows)
{
    [ApiRequest(typeof(AssignmentInput))]
    [ApiResponse(200, typeof(AssignmentReport))]
    [Function(nameof(AssignCertification))]
    public async Task<IActionResult> AssignCertification(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certifications/{id}/assignments")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var result = await request.ReadJsonAsync<AssignmentInput>().BindAsync(
            input => assignments.AssignAsync(caller, id, input, durable, cancellationToken));
        return result.ToHttp(r => ApiResult.Ok(r));
    }

    [ApiResponse(201, typeof(SelfEnrollmentResponse))]
    [Function(nameof(SelfEnroll))]
    public async Task<IActionResult> SelfEnroll(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certifications/{id}/enrollments")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var result = await enrollments.SelfEnrollAsync(EndpointGate.CallerOf(request), id, durable, cancellationToken);
        return result.ToHttp(e => ApiResult.Created(new SelfEnrollmentResponse(e.Id, e.Source, e.Status), $"/api/enrollments/{e.Id}"));
    }

    [ApiResponse(200, typeof(ListResponse<AssignmentListItem>))]
    [ApiQuery("pageSize", "how many items a page holds")]
    [ApiQuery("continuationToken", "the token of the previous page, for the next one")]
    [Function(nameof(MyAssignments))]
    public async Task<IActionResult> MyAssignments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/assignments")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        return (await ListQuery.From(request).BindAsync(q => enrollments.MyAssignmentsAsync(caller, q, cancellationToken))).ToHttp();
    }

    [ApiResponse(200, typeof(LearningRecordsResponse))]
    [ApiQuery("status", "only records with this status")]
    [ApiQuery("source", "Assigned or Self")]
    [ApiQuery("overdue", "true: only overdue records; false: only the others")]
    [ApiQuery("search", "a part of the learner's name or e-mail, ignoring case and accents")]
    [ApiQuery("pageSize", "how many items a page holds")]
    [ApiQuery("continuationToken", "the token of the previous page, for the next one")]
    [Function(nameof(LearningRecords))]
    public async Task<IActionResult> LearningRecords(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certifications/{id}/learning-records")] HttpRequest request, string id,
            CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var query = ListQuery.From(request);
        var filter = LearningRecordFilterQuery.From(request);
        if (!query.IsSuccess || !filter.IsSuccess)
        {
            return Problems.For(query.Error ?? filter.Error!);
        }

        var result = await enrollments.LearningRecordsAsync(caller, id, filter.Value, query.Value, cancellationToken);
        return result.ToHttp();
    }

    [ApiResponse(200, typeof(ListResponse<TeamCertificationRecords>))]
    [Function(nameof(TeamLearningRecords))]
    public async Task<IActionResult> TeamLearningRecords(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/team/learning-records")] HttpRequest request, CancellationToken cancellationToken) =>
        ListPaging.Answer(request, await enrollments.TeamLearningRecordsAsync(EndpointGate.CallerOf(request), cancellationToken));

    [ApiResponse(200, typeof(EnrollmentDetail))]
    [Function(nameof(GetEnrollment))]
    public async Task<IActionResult> GetEnrollment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enrollments/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var caller = EndpointGate.CallerOf(request);
        var detail = await enrollments.GetDetailAsync(caller, id, cancellationToken);
        if (detail.IsSuccess && caller.IsSuperAdmin)
        {
            // Operators see where the workflow stands; learners and coaches see the record only.
            detail = detail.Value with { Workflow = await workflows.StatusAsync(durable, detail.Value.Id, cancellationToken) };
        }

        return detail.ToHttp();
    }

    [ApiResponse(204, Description = "Withdrawn")]
    [Function(nameof(WithdrawEnrollment))]
    public async Task<IActionResult> WithdrawEnrollment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "enrollments/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var result = await enrollments.WithdrawAsync(EndpointGate.CallerOf(request), id, durable, cancellationToken);
        return result.ToHttp(_ => ApiResult.NoContent());
    }
}
