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

    /// <summary>Stores a design's heading font under a name made from its content, as logos are.</summary>
    public async Task<string> SaveFontAsync(string organizationId, string certificationId, FontFile font, CancellationToken cancellationToken = default)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(font.Bytes))[..16];
        var name = $"{organizationId}/{certificationId}/font-{hash}.{font.Extension}";
        var blob = storage.Container(ContainerNames.Branding).GetBlobClient(name);
        using var content = new MemoryStream(font.Bytes, writable: false);
        var headers = new BlobHttpHeaders { ContentType = "font/" + font.Extension };
        await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = headers }, cancellationToken).ConfigureAwait(false);
        return name;
    }
}
