using Certifications.Functions.Http;
using Certifications.Functions.Http.OpenApi;
using Certifications.Functions.Identity;
using Certifications.Storage.Organizations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Reports;

/// <summary>Reports for admins: the criteria progress CSV streamed on request, report runs, stored reports; and the nightly run.</summary>
[RequiresCertificationsAddOn]
public sealed class ReportFunctions(ReportService reports, OrganizationRepository organizations, TimeProvider clock)
{
    [ApiResponse(200, ContentType = "text/csv", Description = "One row per learner and criterion")]
    [Function(nameof(CriteriaProgressReport))]
    public async Task<IActionResult> CriteriaProgressReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certifications/{id}/reports/criteria-progress")] HttpRequest request, string id,
            CancellationToken cancellationToken)
    {
        var found = await reports.CriteriaProgressAsync(EndpointGate.CallerOf(request), id, cancellationToken);
        return found.ToHttp(report => new CsvDownload(CriteriaProgressCsv.FileName(report.Certification, clock.GetUtcNow()),
            (body, ct) => CriteriaProgressCsv.WriteAsync(body, report.Certification, report.Records, clock.GetUtcNow(), ct)));
    }

    [ApiResponse(202, typeof(ReportRunStatus))]
    [Function(nameof(StartReportRun))]
    public async Task<IActionResult> StartReportRun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/runs")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        (await reports.StartRunAsync(EndpointGate.CallerOf(request), durable, cancellationToken))
            .ToHttp(run => new ApiResult(StatusCodes.Status202Accepted, run) { Location = "/api/reports/runs/latest" });

    [ApiResponse(200, typeof(ReportRunStatus))]
    [Function(nameof(LatestReportRun))]
    public async Task<IActionResult> LatestReportRun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/runs/latest")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        (await reports.LatestRunAsync(EndpointGate.CallerOf(request), durable, cancellationToken)).ToHttp(run => ApiResult.Ok(run));

    [ApiResponse(200, typeof(ProgramReportData))]
    [Function(nameof(LatestProgramReport))]
    public async Task<IActionResult> LatestProgramReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/program")] HttpRequest request, CancellationToken cancellationToken) =>
        (await reports.LatestProgramAsync(EndpointGate.CallerOf(request), cancellationToken)).ToHttp();

    [ApiResponse(200, typeof(ListResponse<ReportLink>))]
    [Function(nameof(ListReports))]
    public async Task<IActionResult> ListReports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports")] HttpRequest request, CancellationToken cancellationToken) =>
        ListPaging.Answer(request, await reports.ListAsync(EndpointGate.CallerOf(request), cancellationToken));

    /// <summary>01:30 UTC every night: a run for every organization with the add-on on (one already going is left to finish).</summary>
    [Function(nameof(BuildNightlyReports))]
    public async Task BuildNightlyReports(
        [TimerTrigger("0 30 1 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        await foreach (var organization in organizations.ListAsync(cancellationToken))
        {
            if (organization.CertificationsEnabled)
            {
                await reports.StartAsync(organization.Id, durable, cancellationToken);
            }
        }
    }
}
