using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Storage.Common;

namespace Certifications.Storage.Enrollments;

/// <summary>Learning records, and each learner's assignment list that points at them.</summary>
public sealed class EnrollmentRepository(StorageAccount storage, Delivery.UndeliveredAwards undelivered, TimeProvider clock)
{
    /// <summary>The most operations one entity-group transaction may hold.</summary>
    public const int MaxBatch = 100;

    private const int ReadConcurrency = 16;

    private readonly TableClient table = storage.Table(TableNames.Enrollments);
    private readonly TableClient learnerIndex = storage.Table(TableNames.LearnerEnrollments);

    /// <summary>The whole record: its row, and its history rows when its counts say it has any (a record without history costs one read).</summary>
    public async Task<Versioned<Enrollment>?> GetAsync(
        string organizationId, string certificationId, string learnerId, CancellationToken cancellationToken = default)
    {
        var partition = EnrollmentEntity.Partition(organizationId, certificationId);
        var response = await table.GetEntityIfExistsAsync<EnrollmentEntity>(partition, learnerId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue)
        {
            return null;
        }

        var record = response.Value!;
        var summary = record.ToEnrollment();
        if (record.ReviewCount == 0 && record.ApprovalCount == 0 && summary.Criteria.All(c => c.HandIns == 0))
        {
            return new Versioned<Enrollment>(summary, record.ETag.ToString());
        }

        var history = new List<HistoryEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {learnerId + "|"} and RowKey lt {HistoryEntity.End(learnerId)}");
        await foreach (var row in table.QueryAsync<HistoryEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            history.Add(row);
        }

        return new Versioned<Enrollment>(EnrollmentRows.Assemble(record, history), record.ETag.ToString());
    }

    public Task<Versioned<Enrollment>?> GetByIdAsync(string organizationId, string enrollmentId, CancellationToken cancellationToken = default) =>
        EnrollmentIds.TryParse(enrollmentId, out var certificationId, out var learnerId)
            ? GetAsync(organizationId, certificationId, learnerId, cancellationToken)
            : Task.FromResult<Versioned<Enrollment>?>(null);

    /// <summary>The records (active or withdrawn) that exist for the given learners; point reads, so cost follows the learners asked for, not the
    /// certification's size.</summary>
    public async Task<IReadOnlyDictionary<string, Versioned<Enrollment>>> GetManyAsync(
        string organizationId, string certificationId, IEnumerable<string> learnerIds, CancellationToken cancellationToken = default)
    {
        var found = new ConcurrentDictionary<string, Versioned<Enrollment>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            learnerIds.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ReadConcurrency, CancellationToken = cancellationToken },
            async (learnerId, ct) =>
            {
                var enrollment = await GetAsync(organizationId, certificationId, learnerId, ct).ConfigureAwait(false);
                if (enrollment is not null)
                {
                    found[learnerId] = enrollment;
                }
            }).ConfigureAwait(false);
        return found;
    }

    /// <summary>One page of a certification's active learning records, filtered on the server by status and source.</summary>
    public Task<ListPage<Enrollment>> ListAsync(
        string organizationId, string certificationId, EnrollmentStatus? status, EnrollmentSource? source,
        int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {EnrollmentEntity.Partition(organizationId, certificationId)} and Active eq true");
        if (status is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }

        if (source is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Source eq {source.ToString()}");
        }

        return Paging.ReadPageAsync(
            table.QueryAsync<EnrollmentEntity>(filter, pageSize, cancellationToken: cancellationToken), pageSize, continuationToken, e =>
            e.ToEnrollment(), cancellationToken);
    }

    /// <summary>A certification's active records that wait for a reviewer (single partition, filtered on the server).</summary>
    public IAsyncEnumerable<Enrollment> AwaitingReviewerAsync(string organizationId, string certificationId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            TableClient.CreateQueryFilter(
            $"PartitionKey eq {EnrollmentEntity.Partition(organizationId, certificationId)} and Active eq true and AwaitsReviewer eq true"), cancellationToken);

    /// <summary>Every active record of a certification, page by page (without hand-ins and decisions).</summary>
    public IAsyncEnumerable<Enrollment> ActiveAsync(string organizationId, string certificationId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            TableClient.CreateQueryFilter(
            $"PartitionKey eq {EnrollmentEntity.Partition(organizationId, certificationId)} and Active eq true"), cancellationToken);

    /// <summary>
    /// Every active record of a certification with its reviews, for reports: the records and the review rows are two
    /// queries in key order, merged as they stream (a learner's review keys start with their id, and ids are all of
    /// one length), so nothing beyond a page of each is held.
    /// </summary>
    public async IAsyncEnumerable<Enrollment> ActiveWithReviewsAsync(
        string organizationId, string certificationId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var partition = EnrollmentEntity.Partition(organizationId, certificationId);
        var reviewFilter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Kind eq {HistoryEntity.ReviewKind}");
        await using var reviews = table.QueryAsync<HistoryEntity>(
            reviewFilter, maxPerPage: 1000, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        var hasReview = await reviews.MoveNextAsync().ConfigureAwait(false);
        await foreach (var record in table.QueryAsync<EnrollmentEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Active eq true"), maxPerPage: 1000, cancellationToken: cancellationToken)
                .ConfigureAwait(false))
        {
            var own = new List<HistoryEntity>();
            while (hasReview && string.CompareOrdinal(reviews.Current.RowKey, record.RowKey + "|") < 0)
            {
                hasReview = await reviews.MoveNextAsync().ConfigureAwait(false);
            }

            while (hasReview && reviews.Current.RowKey.StartsWith(record.RowKey + "|", StringComparison.Ordinal))
            {
                own.Add(reviews.Current);
                hasReview = await reviews.MoveNextAsync().ConfigureAwait(false);
            }

            yield return own.Count == 0 ? record.ToEnrollment() : EnrollmentRows.Assemble(record, own);
        }
    }

    private async IAsyncEnumerable<Enrollment> QueryAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<EnrollmentEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entity.ToEnrollment();
        }
    }

    /// <summary>
    /// Writes records of one certification in entity-group transactions of up to 100: a new record is added,
    /// an existing one (withdrawn, or gaining a due date) is replaced only if unchanged since it was read.
    /// Returns, per batch, the learners it held and whether it committed; a refused batch changed nothing.
    /// </summary>
    public async Task<IReadOnlyList<(IReadOnlyList<string> LearnerIds, Error? Error)>> WriteManyAsync(
        IReadOnlyList<(Enrollment Enrollment, string? ETag)> records, CancellationToken cancellationToken = default)
    {
        var results = new List<(IReadOnlyList<string>, Error?)>();
        foreach (var batch in records.Chunk(MaxBatch))
        {
            var actions = batch.Select(r => r.ETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, EnrollmentEntity.From(r.Enrollment))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, EnrollmentEntity.From(r.Enrollment), new ETag(r.ETag)));
            Error? error = null;
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
            {
                error = Error.Conflict("Another request changed these learning records at the same time.");
            }

            results.Add((batch.Select(r => r.Enrollment.LearnerId).ToArray(), error));
        }

        return results;
    }

    /// <summary>Adds a new record, with the rows of any history it starts with, in one transaction.</summary>
    public Task<Result<string>> CreateAsync(Enrollment enrollment, CancellationToken cancellationToken = default) =>
        SubmitAsync(new(TableTransactionActionType.Add, EnrollmentEntity.From(enrollment)), HistoryEntity.Added(null, enrollment), cancellationToken);

    /// <summary>
    /// Replaces the record if it is unchanged since <paramref name="before"/> was read, adding the rows of what its
    /// history gained in the same transaction: the update and its new hand-in, review or decision land together or not.
    /// </summary>
    public async Task<Result<string>> UpdateAsync(Versioned<Enrollment> before, Enrollment after, CancellationToken cancellationToken = default)
    {
        if (after.AwaitsAward && !before.Value.AwaitsAward)
        {
            // Watched before the write that makes it owed: if the signal that should follow is lost, the sweep still sees it.
            await undelivered.WatchAsync(after, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        var added = HistoryEntity.Added(before.Value, after);
        return await SubmitAsync(
            new(TableTransactionActionType.UpdateReplace, EnrollmentEntity.From(after), TableWrites.IfMatch(before.ETag)), added, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<Result<string>> SubmitAsync(TableTransactionAction record, IEnumerable<HistoryEntity> added, CancellationToken cancellationToken)
    {
        List<TableTransactionAction> actions = [record, .. added.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row))];
        try
        {
            if (actions.Count == 1)
            {
                var single = record.ActionType == TableTransactionActionType.Add
                    ? await table.AddEntityAsync(record.Entity, cancellationToken).ConfigureAwait(false)
                    : await table.UpdateEntityAsync(record.Entity, record.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return single.Headers.ETag?.ToString() ?? string.Empty;
            }

            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return response.Value[0].Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException e) when (e.Status == 409 && record.ActionType == TableTransactionActionType.Add)
        {
            return Error.Conflict("The enrollment already exists.");
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // A history row that exists already was added by a writer who changed the record too.
            return Error.Stale("The enrollment");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Error.NotFound("The enrollment");
        }
    }

    /// <summary>Whether a hand-in of this id is recorded on the enrollment: its history rows of hand-ins are read, one partition range.</summary>
    public async Task<bool> HasEvidenceAsync(string organizationId, string enrollmentId, string evidenceId, CancellationToken cancellationToken = default)
    {
        if (!EnrollmentIds.TryParse(enrollmentId, out var certificationId, out var learnerId))
        {
            return false;
        }

        var first = $"{learnerId}|{HistoryEntity.EvidenceKind}|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {EnrollmentEntity.Partition(organizationId, certificationId)} and RowKey ge {first} and RowKey lt {RowKeys.PrefixEnd(first)}");
        await foreach (var row in table.QueryAsync<HistoryEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.Data.Contains(evidenceId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Puts the certification on the learner's assignment list; idempotent, so a retry heals a missed write.</summary>
    public Task AddToLearnerListAsync(string organizationId, string learnerId, string certificationId, CancellationToken cancellationToken = default) =>
        learnerIndex.UpsertEntityAsync(
            new LearnerEnrollmentEntity { PartitionKey = LearnerEnrollmentEntity.Partition(organizationId, learnerId), RowKey = certificationId },
            TableUpdateMode.Replace, cancellationToken);

    public async Task RemoveFromLearnerListAsync(string organizationId, string learnerId, string certificationId, CancellationToken cancellationToken = default)
    {
        try
        {
            await learnerIndex.DeleteEntityAsync(
                LearnerEnrollmentEntity.Partition(organizationId, learnerId), certificationId, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: removing twice is the same as removing once.
        }
    }

    /// <summary>One page of the certification ids on a learner's assignment list.</summary>
    public Task<ListPage<string>> ListLearnerCertificationIdsAsync(
        string organizationId, string learnerId, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LearnerEnrollmentEntity.Partition(organizationId, learnerId)}");
        return Paging.ReadPageAsync(
            learnerIndex.QueryAsync<LearnerEnrollmentEntity>(filter, pageSize, select: ["RowKey"], cancellationToken: cancellationToken),
            pageSize, continuationToken, e => e.RowKey, cancellationToken);
    }

    /// <summary>Every certification id on a learner's list (small: one learner's enrollments).</summary>
    public async Task<IReadOnlyList<string>> AllLearnerCertificationIdsAsync(
        string organizationId, string learnerId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LearnerEnrollmentEntity.Partition(organizationId, learnerId)}");
        var ids = new List<string>();
        await foreach (var entity in learnerIndex.QueryAsync<LearnerEnrollmentEntity>(
            filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(entity.RowKey);
        }

        return ids;
    }
}
