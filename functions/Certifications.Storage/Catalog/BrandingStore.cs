using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Certifications.Domain.Catalog;
using Certifications.Storage.Common;

namespace Certifications.Storage.Catalog;

/// <summary>Logos of certificate designs, named by their content so an unchanged logo is never written twice.</summary>
public sealed class BrandingStore(StorageAccount storage)
{
    public async Task<string> SaveLogoAsync(string organizationId, string certificationId, LogoImage logo, CancellationToken cancellationToken = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(logo.Bytes))[..16];
        var name = $"{organizationId}/{certificationId}/logo-{hash}.{logo.Extension}";
        var blob = storage.Container(ContainerNames.Branding).GetBlobClient(name);
        using var content = new MemoryStream(logo.Bytes, writable: false);
        await blob.UploadAsync(
            content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = logo.ContentType } }, cancellationToken).ConfigureAwait(false);
        return name;
    }
}
