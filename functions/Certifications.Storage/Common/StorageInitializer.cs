using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Certifications.Storage.Common;

/// <summary>Creates every table and container once at start-up, so no request pays for "create if not exists", and moves old data forward.</summary>
public sealed partial class StorageInitializer(
    StorageAccount storage, People.DirectoryKeyMigration directoryKeys, People.DirectoryIndexBackfill directoryIndexes,
    Delivery.UndeliveredBackfill undelivered, ILogger<StorageInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var tables = TableNames.All.Select(name => storage.Table(name).CreateIfNotExistsAsync(cancellationToken));
        var containers = ContainerNames.All.Select(name => storage.Container(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        await Task.WhenAll(tables.Concat<Task>(containers)).ConfigureAwait(false);
        await directoryKeys.RunAsync(cancellationToken).ConfigureAwait(false);
        await directoryIndexes.RunAsync(cancellationToken).ConfigureAwait(false);
        await undelivered.RunAsync(cancellationToken).ConfigureAwait(false);
        LogReady(logger, TableNames.All.Count, ContainerNames.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Tables} tables, {Containers} containers")]
    private static partial void LogReady(ILogger logger, int tables, int containers);
}
