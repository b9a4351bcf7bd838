using Azure.Data.Tables;
using Certifications.Storage.Certificates;
using Certifications.Storage.Common;
using Microsoft.Extensions.Logging;

namespace Certifications.Storage.Delivery;

/// <summary>
/// Puts the certificates issued before the undelivered index existed, and still not drawn or sent, into it, so the sweep
/// and the super admins' attention list see them too. Runs at start-up until a marker row says it finished: the one
/// time the whole certificates table is read.
/// </summary>
public sealed partial class UndeliveredBackfill(
    StorageAccount storage, CertificateRepository certificates, UndeliveredAwards undelivered, TimeProvider clock, ILogger<UndeliveredBackfill> logger)
{
    private const string Migration = "undelivered-backfilled";

    private readonly TableClient table = storage.Table(TableNames.Undelivered);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await MigrationMarker.IsDoneAsync(table, Migration, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var watched = 0;
        await foreach (var certificate in certificates.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!certificate.IsDelivered && certificate.RevokedAt is null)
            {
                await undelivered.WatchAsync(certificate, now, cancellationToken).ConfigureAwait(false);
                watched++;
            }
        }

        await MigrationMarker.MarkDoneAsync(table, Migration, cancellationToken).ConfigureAwait(false);
        LogBackfilled(watched);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificates issued before the undelivered index and not yet delivered: {Count}")]
    private partial void LogBackfilled(int count);
}
