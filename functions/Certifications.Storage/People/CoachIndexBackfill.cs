using Azure.Data.Tables;
using Certifications.Storage.Common;
using Microsoft.Extensions.Logging;

namespace Certifications.Storage.People;

/// <summary>
/// Writes the coach index rows (<see cref="DirectoryKeys.Coached"/>) of users stored before the index existed, so a
/// coach's team is whole from the first read. It runs at start-up until a marker row says it finished; every write is
/// an upsert of the same row, so two instances, or a crash halfway, do no harm.
/// </summary>
public sealed partial class CoachIndexBackfill(StorageAccount storage, ILogger<CoachIndexBackfill> logger)
{
    private const string Migration = "coach-index-written";
    private const int MaxBatch = 100;

    private readonly TableClient table = storage.Table(TableNames.Directory);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await MigrationMarker.IsDoneAsync(table, Migration, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // Once per storage account: the users that have a coach, their keys and coach alone.
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {DirectoryKeys.UserPrefix} and RowKey lt {RowKeys.PrefixEnd(DirectoryKeys.UserPrefix)} and CoachId ne {string.Empty}");
        var rows = new List<PointerEntity>();
        await foreach (var user in table.QueryAsync<UserEntity>(
            filter, select: [nameof(UserEntity.PartitionKey), nameof(UserEntity.RowKey), nameof(UserEntity.CoachId)], cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            if (user.CoachId is { Length: > 0 } coachId)
            {
                var userId = user.RowKey[DirectoryKeys.UserPrefix.Length..];
                rows.Add(new PointerEntity { PartitionKey = user.PartitionKey, RowKey = DirectoryKeys.Coached(coachId, userId), TargetId = userId });
            }
        }

        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken).ConfigureAwait(false);
            }
        }

        await MigrationMarker.MarkDoneAsync(table, Migration, cancellationToken).ConfigureAwait(false);
        LogWritten(rows.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Coach index rows written for users stored before it: {Count}")]
    private partial void LogWritten(int count);
}
