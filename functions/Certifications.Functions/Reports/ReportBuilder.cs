using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Reports;
using Certifications.Functions.Certificates;
using Certifications.Functions.Http;
using Certifications.Storage.Catalog;
using Certifications.Storage.Certificates;
using Certifications.Storage.Enrollments;
using Certifications.Storage.Organizations;
using Certifications.Storage.Reports;

namespace Certifications.Functions.Reports;

/// <summary>
/// Builds an organization's reports into the reports container, <c>{org}/{date}/</c>: one criteria progress CSV per
/// certification (streamed from the table straight into the blob) and the program report as CSV and HTML, whose
/// figures are counted on the same pass. Memory holds one page of records and one tally per certification.
/// </summary>
public sealed class ReportBuilder(
    OrganizationRepository organizations, CertificationRepository certifications, CertificationCountsRepository counts, EnrollmentRepository enrollments,
    CertificateRepository certificates, CertificateDelivery delivery, ReportStore store, TimeProvider clock)
{
    public const string ProgramCsv = "program-report.csv";
    public const string ProgramHtml = "program-report.html";

    public async Task<ReportRunResult> BuildAsync(string organizationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var date = DateOnly.FromDateTime(now.UtcDateTime);
        var folderDate = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var organization = (await organizations.GetAsync(organizationId, cancellationToken).ConfigureAwait(false))?.Value;
        if (organization is not { CertificationsEnabled: true })
        {
            return new ReportRunResult(organizationId, folderDate, []);
        }

        var files = new List<string>();
        var tallies = new List<ProgramTally>();
        await foreach (var certification in certifications.ListAsync(organizationId, cancellationToken).ConfigureAwait(false))
        {
            if (certification.Status == CertificationStatus.Draft)
            {
                continue;
            }

            var tally = new ProgramTally(certification, now);
            tallies.Add(tally);
            var name = ReportStore.Name(organizationId, date, $"criteria-progress-{CriteriaProgressCsv.Slug(certification.Title)}-{certification.Id}.csv");
            var blob = await store.OpenWriteAsync(name, CriteriaProgressCsv.ContentType, cancellationToken).ConfigureAwait(false);
            await using (blob.ConfigureAwait(false))
            {
                await CriteriaProgressCsv.WriteAsync(
                    blob, certification, Counted(
                    enrollments.ActiveWithReviewsAsync(organizationId, certification.Id, cancellationToken), tally), now, cancellationToken)
                    .ConfigureAwait(false);
            }

            files.Add(name);
        }

        await counts.SaveAsync(
            organizationId,
            [.. tallies.Select(t => new CertificationCounts(t.Certification.Id, t.Total, t.Overdue, t.Count(EnrollmentStatus.Earned), now))],
            cancellationToken).ConfigureAwait(false);

        var csvName = ReportStore.Name(organizationId, date, ProgramCsv);
        var csv = await store.OpenWriteAsync(csvName, CriteriaProgressCsv.ContentType, cancellationToken).ConfigureAwait(false);
        await using (csv.ConfigureAwait(false))
        {
            await ProgramReport.WriteCsvAsync(csv, tallies, cancellationToken).ConfigureAwait(false);
        }

        var htmlName = ReportStore.Name(organizationId, date, ProgramHtml);
        var html = await store.OpenWriteAsync(htmlName, "text/html", cancellationToken).ConfigureAwait(false);
        await using (html.ConfigureAwait(false))
        {
            await html.WriteAsync(Encoding.UTF8.GetBytes(ProgramReport.Summary(organization.Name, tallies, now)), cancellationToken).ConfigureAwait(false);
        }

        var jsonName = ReportStore.Name(organizationId, date, ProgramReportData.FileName);
        var json = await store.OpenWriteAsync(jsonName, "application/json", cancellationToken).ConfigureAwait(false);
        await using (json.ConfigureAwait(false))
        {
            var notDelivered = (await delivery.NeedingAttentionAsync(organizationId, cancellationToken).ConfigureAwait(false)).Count;
            var expiringSoon = await ExpiringSoonAsync(tallies, now, cancellationToken).ConfigureAwait(false);
            await JsonSerializer.SerializeAsync(json, ProgramReportData.From(tallies, now, notDelivered, expiringSoon), ApiJson.Options, cancellationToken)
                .ConfigureAwait(false);
        }

        files.Insert(0, jsonName);
        files.Insert(0, htmlName);
        files.Insert(0, csvName);
        return new ReportRunResult(organizationId, folderDate, files);
    }

    /// <summary>
    /// The certificates that expire within the notice period and are not revoked: each candidate the tallies found is
    /// read for its own expiry (a few per certification a night, not every certificate).
    /// </summary>
    private async Task<int> ExpiringSoonAsync(IReadOnlyList<ProgramTally> tallies, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expiring = 0;
        await Parallel.ForEachAsync(
            tallies.SelectMany(t => t.MayExpireSoon), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                if ((await certificates.GetAsync(id, ct).ConfigureAwait(false))?.Value is { RevokedAt: null, ExpiresAt: { } expires }
                    && expires > now && expires <= now + CertificateRules.ExpiryNotice)
                {
                    Interlocked.Increment(ref expiring);
                }
            }).ConfigureAwait(false);
        return expiring;
    }

    /// <summary>Passes the records on unchanged, counting each in the tally on the way.</summary>
    private static async IAsyncEnumerable<Enrollment> Counted(
        IAsyncEnumerable<Enrollment> records, ProgramTally tally, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var enrollment in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            tally.Add(enrollment);
            yield return enrollment;
        }
    }
}

/// <summary>What a report run wrote.</summary>
public sealed record ReportRunResult(string OrganizationId, string Date, IReadOnlyList<string> Files);
