using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Certifications.Domain.Catalog;
using Certifications.Storage.Common;

namespace Certifications.Storage.Catalog;

/// <summary>
/// Every design a certificate was issued with, kept by its content hash: a render request names the version instead
/// of carrying a copy, so a certificate is drawn as it was earned, and rendering again after a fix can name the new one.
/// </summary>
public sealed class DesignVersions(StorageAccount storage)
{
    private const int MaxRemembered = 10_000;

    private readonly BlobContainerClient branding = storage.Container(ContainerNames.Branding);

    // Versions this process has stored or found stored: a version never changes, so each is written once, not per award.
    private readonly ConcurrentDictionary<string, bool> stored = new(StringComparer.Ordinal);

    /// <summary>Stores the design (once: the same design is the same blob) and answers its version.</summary>
    public async Task<string> SaveAsync(string organizationId, string certificationId, CertificateDesign design, CancellationToken cancellationToken = default)
    {
        var json = BinaryData.FromString(StorageJson.Write(design));
        var version = Convert.ToHexStringLower(SHA256.HashData(json.ToMemory().Span))[..20];
        var name = Name(organizationId, certificationId, version);
        if (stored.ContainsKey(name))
        {
            return version;
        }

        try
        {
            await branding.GetBlobClient(name).UploadAsync(json, overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Stored before (by another instance, or before a restart).
        }

        if (stored.Count >= MaxRemembered)
        {
            stored.Clear();
        }

        stored[name] = true;
        return version;
    }

    /// <summary>The design of that version; null when there is none (a person renders again with the current design).</summary>
    public async Task<CertificateDesign?> GetAsync(string organizationId, string certificationId, string version, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = await branding.GetBlobClient(Name(organizationId, certificationId, version)).DownloadContentAsync(cancellationToken)
                .ConfigureAwait(false);
            return StorageJson.Read<CertificateDesign?>(content.Value.Content.ToString(), null);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static string Name(string organizationId, string certificationId, string version) =>
        $"{organizationId}/{certificationId}/design-{version}.json";
}
