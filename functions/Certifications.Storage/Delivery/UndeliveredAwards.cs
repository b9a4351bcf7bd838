using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Certifications.Domain.Certificates;
using Certifications.Domain.Enrollments;
using Certifications.Storage.Common;

namespace Certifications.Storage.Delivery;

/// <summary>
/// The index of what a learner has earned and not yet received: a row for each record that awaits its award, and one
/// for each certificate not yet drawn and sent. A row is written before the step it watches and removed only after
/// that step is done, so a crash in between leaves a row too many (the sweep checks it against the record and drops
/// it), never one too few. The sweep reads this table alone, never every enrollment.
/// </summary>
public sealed class UndeliveredAwards(StorageAccount storage)
{
    private const string EnrollmentPrefix = "enr|";
    private const string CertificatePrefix = "cer|";

    private readonly TableClient table = storage.Table(TableNames.Undelivered);

    /// <summary>Watches a record from the moment it awaits its award; idempotent, and keeps the time it was first seen.</summary>
    public async Task WatchAsync(Enrollment enrollment, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await AddOnceAsync(new UndeliveredEntity
        {
            PartitionKey = enrollment.OrganizationId,
            RowKey = EnrollmentPrefix + enrollment.Id,
            CertificationId = enrollment.CertificationId,
            LearnerId = enrollment.LearnerId,
            LearnerName = enrollment.LearnerName,
            Since = now,
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Watches a certificate until it is drawn and sent.</summary>
    public async Task WatchAsync(Certificate certificate, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await AddOnceAsync(new UndeliveredEntity
        {
            PartitionKey = certificate.OrganizationId,
            RowKey = CertificatePrefix + certificate.Id,
            CertificationId = certificate.CertificationId,
            CertificationTitle = certificate.CertificationTitle,
            LearnerId = certificate.LearnerId,
            LearnerName = certificate.LearnerName,
            CertificateId = certificate.Id,
            Since = now,
        }, cancellationToken).ConfigureAwait(false);

    public Task ForgetEnrollmentAsync(string organizationId, string enrollmentId, CancellationToken cancellationToken = default) =>
        DeleteAsync(organizationId, EnrollmentPrefix + enrollmentId, cancellationToken);

    public Task ForgetCertificateAsync(string organizationId, string certificateId, CancellationToken cancellationToken = default) =>
        DeleteAsync(organizationId, CertificatePrefix + certificateId, cancellationToken);

    /// <summary>Notes when the sweep last nudged the row, so it waits before nudging it again.</summary>
    public async Task NudgedAsync(UndeliveredAward row, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(row.OrganizationId, row.Key) { [nameof(UndeliveredEntity.NudgedAt)] = at };
        try
        {
            await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Delivered meanwhile.
        }
    }

    /// <summary>The certificates of an organization not yet drawn and sent, oldest first (one partition, however large the organization).</summary>
    public async Task<IReadOnlyList<UndeliveredAward>> CertificatesAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {organizationId} and RowKey ge {CertificatePrefix} and RowKey lt {RowKeys.PrefixEnd(CertificatePrefix)}");
        var rows = new List<UndeliveredAward>();
        await foreach (var entity in table.QueryAsync<UndeliveredEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(entity.ToAward());
        }

        return [.. rows.OrderBy(r => r.Since)];
    }

    /// <summary>Every row, page by page: what the sweep works through. The table holds only what is still owed.</summary>
    public async IAsyncEnumerable<UndeliveredAward> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in table.QueryAsync<UndeliveredEntity>(maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entity.ToAward();
        }
    }

    private async Task AddOnceAsync(UndeliveredEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Watched already, since the first time.
        }
    }

    private async Task DeleteAsync(string organizationId, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(organizationId, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Gone already.
        }
    }

    private sealed class UndeliveredEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string CertificationId { get; set; } = string.Empty;

        public string? CertificationTitle { get; set; }

        public string LearnerId { get; set; } = string.Empty;

        public string? LearnerName { get; set; }

        public string? CertificateId { get; set; }

        public DateTimeOffset Since { get; set; }

        public DateTimeOffset? NudgedAt { get; set; }

        public UndeliveredAward ToAward() => new(
            PartitionKey, RowKey, RowKey.StartsWith(CertificatePrefix, StringComparison.Ordinal) ? UndeliveredKind.Certificate : UndeliveredKind.Enrollment,
            RowKey[4..], CertificationId, CertificationTitle, LearnerId, LearnerName, Since, NudgedAt);
    }
}

/// <summary>What a row of the index watches.</summary>
public enum UndeliveredKind
{
    Enrollment,
    Certificate,
}

/// <summary>One row of the index: an enrollment awaiting its award, or a certificate awaiting its PDF or e-mail.</summary>
public sealed record UndeliveredAward(
    string OrganizationId, string Key, UndeliveredKind Kind, string Id, string CertificationId, string? CertificationTitle, string LearnerId,
    string? LearnerName, DateTimeOffset Since, DateTimeOffset? NudgedAt);
