using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Certifications.Storage.Common;

namespace Certifications.Storage.Reports;

/// <summary>Built reports as blobs, <c>{org}/{yyyy-MM-dd}/{file}</c>, written as streams and listed newest first.</summary>
public sealed class ReportStore(StorageAccount storage)
{
    private readonly BlobContainerClient reports = storage.Container(ContainerNames.Reports);

    public static string Name(string organizationId, DateOnly date, string file) => $"{organizationId}/{date:yyyy-MM-dd}/{file}";

    /// <summary>A stream that uploads in blocks as it is written; the blob appears when the stream is disposed.</summary>
    public Task<Stream> OpenWriteAsync(string name, string contentType, CancellationToken cancellationToken = default) =>
        reports.GetBlockBlobClient(name).OpenWriteAsync(overwrite: true,
            new BlockBlobOpenWriteOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);

    /// <summary>A stored report's content, or null when there is no such blob.</summary>
    public async Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = reports.GetBlobClient(name);
        try
        {
            return await blob.OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<StoredReport>> ListAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        var found = new List<StoredReport>();
        await foreach (var blob in reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, organizationId + "/", cancellationToken).ConfigureAwait(false))
        {
            found.Add(
                new StoredReport(
                blob.Name, blob.Properties.ContentLength ?? 0, blob.Properties.LastModified ?? DateTimeOffset.MinValue, blob.Properties.ContentType
                ?? "application/octet-stream"));
        }

        return [.. found.OrderByDescending(r => r.Name, StringComparer.Ordinal)];
    }
}

/// <summary>A report file as stored.</summary>
public sealed record StoredReport(string Name, long Bytes, DateTimeOffset LastModified, string ContentType)
{
    public string FileName => Name[(Name.LastIndexOf('/') + 1)..];

    /// <summary>The run date, from the folder.</summary>
    public string Date => Name.Split('/')[1];
}
