using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace Certifications.Storage.Common;

/// <summary>
/// Time-limited, read-only links to single blobs: signed with the account key where there is one (Azurite),
/// otherwise with a user-delegation key from the app's managed identity (Azure).
/// </summary>
public sealed class BlobLinks(StorageAccount storage)
{
    public async Task<Uri> ReadLinkAsync(
        string container, string name, string fileName, string contentType, TimeSpan lifetime, DateTimeOffset now,
            CancellationToken cancellationToken = default)
    {
        var blob = storage.Container(container).GetBlobClient(name);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + lifetime)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now.AddMinutes(-5),
            ContentDisposition = ContentDispositions.Inline(fileName),
            ContentType = contentType,
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var key = await storage.Blobs.GetUserDelegationKeyAsync(now.AddMinutes(-5), now + lifetime, cancellationToken).ConfigureAwait(false);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, storage.Blobs.AccountName) }.ToUri();
    }
}
