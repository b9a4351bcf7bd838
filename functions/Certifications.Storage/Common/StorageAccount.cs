using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Certifications.Storage.Common;

/// <summary>The one pair of service clients the process shares (clients are thread-safe and pool their connections).</summary>
public sealed class StorageAccount
{
    public StorageAccount(IOptions<StorageOptions> options)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            Tables = new TableServiceClient(settings.ConnectionString);
            Blobs = new BlobServiceClient(settings.ConnectionString);
        }
        else if (!string.IsNullOrWhiteSpace(settings.AccountName))
        {
            var credential = AppIdentity.Credential;
            Tables = new TableServiceClient(new Uri($"https://{settings.AccountName}.table.core.windows.net"), credential);
            Blobs = new BlobServiceClient(new Uri($"https://{settings.AccountName}.blob.core.windows.net"), credential);
        }
        else
        {
            throw new InvalidOperationException("Storage is not configured: set Storage:ConnectionString or Storage:AccountName.");
        }
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public TableClient Table(string name) => Tables.GetTableClient(name);

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);
}
