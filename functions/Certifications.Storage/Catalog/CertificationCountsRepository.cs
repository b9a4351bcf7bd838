using Azure.Data.Tables;
using Certifications.Storage.Common;

namespace Certifications.Storage.Catalog;

/// <summary>
/// How many learners each certification has, as the last report run counted them: the catalog lists them without counting
/// enrollments on every request. One row per certification, in a partition of its own beside the organization's certifications.
/// </summary>
public sealed class CertificationCountsRepository(StorageAccount storage)
{
    private const int MaxBatch = 100;

    private readonly TableClient table = storage.Table(TableNames.Certifications);

    /// <summary>Replaces the counts of the certifications given, in transactions of up to 100 rows.</summary>
    public async Task SaveAsync(string organizationId, IReadOnlyList<CertificationCounts> counts, CancellationToken cancellationToken = default)
    {
        foreach (var batch in counts.Chunk(MaxBatch))
        {
            var actions = batch.Select(c => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(Partition(organizationId), c.CertificationId)
                {
                    ["Learners"] = c.Learners,
                    ["Overdue"] = c.Overdue,
                    ["Earned"] = c.Earned,
                    ["CountedAt"] = c.CountedAt,
                }));
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every certification's counts, by certification id: one partition read.</summary>
    public async Task<IReadOnlyDictionary<string, CertificationCounts>> ListAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, CertificationCounts>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition(organizationId)}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found[e.RowKey] = new CertificationCounts(
                e.RowKey, e.GetInt32("Learners") ?? 0, e.GetInt32("Overdue") ?? 0, e.GetInt32("Earned") ?? 0, e.GetDateTimeOffset("CountedAt") ?? default);
        }

        return found;
    }

    private static string Partition(string organizationId) => organizationId + "~counts";
}

/// <summary>A certification's active learners, how many are overdue and how many have earned it, and when that was counted.</summary>
public sealed record CertificationCounts(string CertificationId, int Learners, int Overdue, int Earned, DateTimeOffset CountedAt);
