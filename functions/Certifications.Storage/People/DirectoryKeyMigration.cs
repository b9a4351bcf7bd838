using Azure;
using Azure.Data.Tables;
using Certifications.Storage.Common;
using Microsoft.Extensions.Logging;

namespace Certifications.Storage.People;

/// <summary>
/// Moves the e-mail and group-name index rows written with raw text as their key to the encoded keys that take any
/// text. Without it, a directory written before would miss every e-mail lookup and let a second user take an e-mail.
/// It runs at start-up until a marker row says it finished; each step is a put of the new row and a delete of the old,
/// so two instances, or a crash halfway, leave nothing half-moved that the next run does not finish.
/// </summary>
public sealed partial class DirectoryKeyMigration(StorageAccount storage, ILogger<DirectoryKeyMigration> logger)
{
    private const string Migration = "directory-keys-encoded";
    private const int MaxBatch = 100;

    private readonly TableClient table = storage.Table(TableNames.Directory);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await MigrationMarker.IsDoneAsync(table, Migration, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var moved = await MoveAsync(DirectoryKeys.LegacyEmailPrefix, DirectoryKeys.Email, cancellationToken).ConfigureAwait(false)
            + await MoveAsync(DirectoryKeys.LegacyGroupNamePrefix, DirectoryKeys.GroupName, cancellationToken).ConfigureAwait(false);
        await MigrationMarker.MarkDoneAsync(table, Migration, cancellationToken).ConfigureAwait(false);
        LogMigrated(moved);
    }

    private async Task<int> MoveAsync(string legacyPrefix, Func<string, string> newKey, CancellationToken cancellationToken)
    {
        // Once per storage account: the only query across partitions, and it reads index rows alone.
        var filter = TableClient.CreateQueryFilter($"RowKey ge {legacyPrefix} and RowKey lt {RowKeys.PrefixEnd(legacyPrefix)}");
        var legacy = new List<PointerEntity>();
        await foreach (var row in table.QueryAsync<PointerEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            legacy.Add(row);
        }

        foreach (var partition in legacy.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxBatch / 2))
            {
                var actions = chunk.SelectMany(old => new TableTransactionAction[]
                {
                    new(TableTransactionActionType.UpsertReplace, new PointerEntity
                    {
                        PartitionKey = old.PartitionKey, RowKey = newKey(old.RowKey[legacyPrefix.Length..]), TargetId = old.TargetId,
                    }),
                    new(TableTransactionActionType.Delete, old, ETag.All),
                });
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
        }

        return legacy.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory index rows moved to encoded keys: {Count}")]
    private partial void LogMigrated(int count);
}
