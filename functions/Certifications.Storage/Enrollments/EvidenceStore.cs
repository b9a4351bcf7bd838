using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Certifications.Storage.Common;

namespace Certifications.Storage.Enrollments;

/// <summary>
/// Evidence files in Blob Storage, under the organization and enrollment they belong to. A file goes up tagged as
/// pending and loses the tag once its hand-in is recorded; a file still pending a day later belongs to a request that was
/// cut off or refused (or a host that died mid-upload), and <see cref="AbandonedAsync"/> finds it by its tag alone.
/// </summary>
public sealed class EvidenceStore(StorageAccount storage)
{
    private const string PendingTag = "handin";
    private const string PendingValue = "pending";

    private readonly BlobContainerClient container = storage.Container(ContainerNames.Evidence);

    public static string BlobName(string organizationId, string enrollmentId, string evidenceId, int index) =>
        $"{organizationId}/{enrollmentId}/{evidenceId}/{index}";

    /// <summary>The organization, enrollment and hand-in a file belongs to, read from its name; null for a name of no hand-in.</summary>
    public static (string OrganizationId, string EnrollmentId, string EvidenceId)? Owner(string blobName) =>
        blobName.Split('/') is [var organization, var enrollment, var evidence, _] ? (organization, enrollment, evidence) : null;

    /// <summary>Streams one file up, pending until its hand-in is recorded; the blob keeps its content type so a download is served as sent.</summary>
    public async Task UploadAsync(string blobName, Stream content, string contentType, CancellationToken cancellationToken = default) =>
        await container.GetBlobClient(blobName).UploadAsync(
            content,
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Tags = new Dictionary<string, string> { [PendingTag] = PendingValue },
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>The files of a recorded hand-in stop being pending.</summary>
    public async Task CommitAsync(IEnumerable<string> blobNames, CancellationToken cancellationToken = default)
    {
        foreach (var name in blobNames)
        {
            await container.GetBlobClient(name).SetTagsAsync(new Dictionary<string, string>(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Files still pending that were last written before <paramref name="before"/>: found by their tag, not by listing every file.</summary>
    public async IAsyncEnumerable<string> AbandonedAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var tagged in container.FindBlobsByTagsAsync($"\"{PendingTag}\" = '{PendingValue}'", cancellationToken).ConfigureAwait(false))
        {
            var properties = await container.GetBlobClient(tagged.BlobName).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (properties.Value.LastModified < before)
            {
                yield return tagged.BlobName;
            }
        }
    }

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
