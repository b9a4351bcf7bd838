using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Certifications.Storage.Common;

namespace Certifications.Storage.Enrollments;

/// <summary>Evidence files in Blob Storage, under the organization and enrollment they belong to.</summary>
public sealed class EvidenceStore(StorageAccount storage)
{
    private readonly BlobContainerClient container = storage.Container(ContainerNames.Evidence);

    public static string BlobName(string organizationId, string enrollmentId, string evidenceId, int index) =>
        $"{organizationId}/{enrollmentId}/{evidenceId}/{index}";

    /// <summary>Streams one file up; the blob keeps its content type so a download is served as sent.</summary>
    public async Task UploadAsync(string blobName, Stream content, string contentType, CancellationToken cancellationToken = default) =>
        await container.GetBlobClient(blobName).UploadAsync(
            content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken).ConfigureAwait(false);

    /// <summary>Opens one file for reading, or null when it is gone.</summary>
    public async Task<Stream?> OpenAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(blobName);
        try
        {
            return await blob.OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Removes files of a hand-in that was not recorded, so a refused request leaves nothing behind.</summary>
    public async Task DeleteAsync(IEnumerable<string> blobNames, CancellationToken cancellationToken = default)
    {
        foreach (var name in blobNames)
        {
            await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
