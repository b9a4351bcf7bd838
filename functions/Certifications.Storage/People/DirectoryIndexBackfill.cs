using Azure.Data.Tables;
using Certifications.Storage.Common;
using Microsoft.Extensions.Logging;

namespace Certifications.Storage.People;

/// <summary>
/// Writes the index rows of users stored before each index existed — a coach's team (<see cref="DirectoryKeys.Coached"/>)
/// and the name order (<see cref="DirectoryKeys.Named"/>) — so each is whole from its first read. Each runs at start-up
/// until its marker row says it finished; every write is an upsert of the same row, so two instances, or a crash
/// halfway, do no harm.
/// </summary>
public sealed partial class DirectoryIndexBackfill(StorageAccount storage, ILogger<DirectoryIndexBackfill> logger)
{
    private const int MaxBatch = 100;

    private readonly TableClient table = storage.Table(TableNames.Directory);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await BackfillAsync(
            "coach-index-written", $"CoachId ne {string.Empty}", [nameof(UserEntity.CoachId)],
            (user, id) => user.CoachId is { Length: > 0 } coachId ? DirectoryKeys.Coached(coachId, id) : null, cancellationToken).ConfigureAwait(false);
        await BackfillAsync(
            "name-index-written", null, [nameof(UserEntity.DisplayName)],
            (user, id) => DirectoryKeys.Named(user.DisplayName, id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Once per storage account: every user the filter picks, read by the columns the index needs, gets its row.</summary>
    private async Task BackfillAsync(
        string migration, FormattableString? filter, string[] columns, Func<UserEntity, string, string?> rowKeyOf, CancellationToken cancellationToken)
    {
        if (await MigrationMarker.IsDoneAsync(table, migration, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var users = TableClient.CreateQueryFilter(
            $"RowKey ge {DirectoryKeys.UserPrefix} and RowKey lt {RowKeys.PrefixEnd(DirectoryKeys.UserPrefix)}")
            + (filter is null ? string.Empty : " and " + TableClient.CreateQueryFilter(filter));
        var rows = new List<PointerEntity>();
        await foreach (var user in table.QueryAsync<UserEntity>(
            users, select: [nameof(UserEntity.PartitionKey), nameof(UserEntity.RowKey), .. columns], cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            var userId = user.RowKey[DirectoryKeys.UserPrefix.Length..];
            if (rowKeyOf(user, userId) is { } rowKey)
            {
                rows.Add(new PointerEntity { PartitionKey = user.PartitionKey, RowKey = rowKey, TargetId = userId });
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

        await MigrationMarker.MarkDoneAsync(table, migration, cancellationToken).ConfigureAwait(false);
        LogWritten(migration, rows.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index rows written for users stored before the index ({Migration}): {Count}")]
    private partial void LogWritten(string migration, int count);
}
