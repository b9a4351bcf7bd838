using System.Text.Json;
using System.Text.Json.Serialization;
using Certifications.Domain.Common;
using Certifications.Domain.Policies;
using Certifications.Functions.Http;
using Certifications.Storage.Catalog;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;
using Certifications.Storage.Reports;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Certifications.Functions.Reports;

/// <summary>Reports for admins: the criteria progress report on demand, report runs (one at a time per organization), and the stored reports with
/// links.</summary>
public sealed class ReportService(
    CertificationRepository certifications, EnrollmentRepository enrollments, ReportStore store, BlobLinks links, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The certification and the records to stream, once the caller is known to be an admin who may see it.</summary>
    public async Task<Result<(Domain.Catalog.Certification Certification, IAsyncEnumerable<Domain.Enrollments.Enrollment> Records)>> CriteriaProgressAsync(
        Caller caller, string certificationId, CancellationToken cancellationToken)
    {
        if (RequireAdmin(caller) is { } forbidden)
        {
            return forbidden;
        }

        var certification = (await certifications.GetAsync(caller.OrganizationId, certificationId, cancellationToken).ConfigureAwait(false))?.Value;
        return certification is null
            ? Error.NotFound("The certification")
            : (certification, enrollments.ActiveWithReviewsAsync(caller.OrganizationId, certification.Id, cancellationToken));
    }

    /// <summary>Starts a run of the caller's organization; 409 naming the run in progress if there is one.</summary>
    public async Task<Result<ReportRunStatus>> StartRunAsync(Caller caller, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (RequireAdmin(caller) is { } forbidden)
        {
            return forbidden;
        }

        if (await StartAsync(caller.OrganizationId, durable, cancellationToken).ConfigureAwait(false) is { } started)
        {
            return started;
        }

        return await StatusAsync(caller.OrganizationId, durable, cancellationToken).ConfigureAwait(false) is { } running
            ? RunningConflict(running)
            : Error.Conflict("A report run was starting at the same moment; poll /api/reports/runs/latest.");
    }

    /// <summary>Starts a run unless one is going; the nightly timer and the on-demand route both come here. Null when one is running.</summary>
    public async Task<ReportRunStatus?> StartAsync(string organizationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instanceId = ReportRunWorkflow.InstanceId(organizationId);
        if (await StatusAsync(organizationId, durable, cancellationToken, withFiles: false).ConfigureAwait(false) is { IsRunning: true })
        {
            return null;
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                nameof(ReportRunWorkflow.ReportRun), organizationId, new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Another request started it between the look and the start.
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new ReportRunStatus(instanceId, "Pending", clock.GetUtcNow(), null, $"{organizationId}/{today:yyyy-MM-dd}/", []);
    }

    public async Task<Result<ReportRunStatus>> LatestRunAsync(Caller caller, DurableTaskClient durable, CancellationToken cancellationToken) =>
        RequireAdmin(caller) is { } forbidden ? forbidden
        : await StatusAsync(caller.OrganizationId, durable, cancellationToken).ConfigureAwait(false) is { } status ? status
        : Error.NotFound("A report run");

    /// <summary>The stored reports, newest first, each with a link valid for 15 minutes.</summary>
    public async Task<Result<IReadOnlyList<ReportLink>>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (RequireAdmin(caller) is { } forbidden)
        {
            return forbidden;
        }

        var now = clock.GetUtcNow();
        var stored = await store.ListAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false);
        var answer = new List<ReportLink>(stored.Count);
        foreach (var report in stored)
        {
            var link = await links.ReadLinkAsync(
                ContainerNames.Reports, report.Name, report.FileName, report.ContentType, LinkLifetime, now, cancellationToken).ConfigureAwait(false);
            answer.Add(new ReportLink(report.Date, report.FileName, report.ContentType, report.Bytes, report.LastModified, link, now + LinkLifetime));
        }

        return answer;
    }

    /// <summary>The program report of the latest run that wrote one, or a 404 before the first run.</summary>
    public async Task<Result<ProgramReportData>> LatestProgramAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (RequireAdmin(caller) is { } forbidden)
        {
            return forbidden;
        }

        var latest = (await store.ListAsync(caller.OrganizationId, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(r => r.FileName == ProgramReportData.FileName);
        var content = latest is null ? null : await store.OpenReadAsync(latest.Name, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return Error.NotFound("The program report");
        }

        await using (content.ConfigureAwait(false))
        {
            return (await JsonSerializer.DeserializeAsync<ProgramReportData>(content, ApiJson.Options, cancellationToken).ConfigureAwait(false))!;
        }
    }

    /// <summary>The organization's latest run; the files it wrote are read only when asked for.</summary>
    private static async Task<ReportRunStatus?> StatusAsync(
        string organizationId, DurableTaskClient durable, CancellationToken cancellationToken, bool withFiles = true)
    {
        var instance = await durable.GetInstanceAsync(
            ReportRunWorkflow.InstanceId(organizationId), getInputsAndOutputs: withFiles, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return null;
        }

        var result = withFiles && instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<ReportRunResult>() : null;
        return new ReportRunStatus(
            instance.InstanceId, instance.RuntimeStatus.ToString(), instance.CreatedAt,
            instance.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed ? instance.LastUpdatedAt : null,
            result is null ? null : $"{organizationId}/{result.Date}/", result?.Files ?? []);
    }

    private static Error RunningConflict(ReportRunStatus running) =>
        new(ErrorKind.Conflict, "A report run is in progress",
            $"The run started at {running.StartedAt:HH:mm:ss} UTC is still going; poll /api/reports/runs/latest.")
        {
            Extensions = new Dictionary<string, object?> { ["run"] = running },
        };

    private static Error? RequireAdmin(Caller caller) => caller.IsSuperAdmin ? null : Error.Forbidden("Reports are for admins.");
}

/// <summary>Where a report run stands and, when done, what it wrote.</summary>
public sealed record ReportRunStatus(
    string RunId, string Status, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, string? Folder, IReadOnlyList<string> Files)
{
    [JsonIgnore]
    public bool IsRunning => Status is "Pending" or "Running";
}

/// <summary>A stored report and its time-limited link.</summary>
public sealed record ReportLink(
    string Date, string File, string ContentType, long Bytes, DateTimeOffset CreatedAt, Uri DownloadUrl, DateTimeOffset DownloadUrlExpiresAt);
