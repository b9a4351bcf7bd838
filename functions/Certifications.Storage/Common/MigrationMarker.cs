using Azure.Data.Tables;

namespace Certifications.Storage.Common;

/// <summary>
/// The row that says a one-time data migration of a table has finished, so each later start-up skips it with one point
/// read. A migration writes it last: a crash halfway leaves it unwritten, and the next start runs the migration again.
/// </summary>
internal static class MigrationMarker
{
    private const string Partition = "~migrations";

    public static async Task<bool> IsDoneAsync(TableClient table, string migration, CancellationToken cancellationToken) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(Partition, migration, cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue;

    public static Task MarkDoneAsync(TableClient table, string migration, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(Partition, migration), cancellationToken: cancellationToken);
}
