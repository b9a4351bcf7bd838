using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Certifications.Storage.Common;

namespace Certifications.Storage.Certificates;

/// <summary>
/// The files around certificates: rendered PDFs (<c>{org}/{certificate}.pdf</c>) and their pictures beside them
/// (<c>{org}/{certificate}.png</c>), logos read back for rendering, and poisoned render requests.
/// </summary>
public sealed class CertificateFiles(StorageAccount storage)
{
    private readonly BlobContainerClient pdfs = storage.Container(ContainerNames.Certificates);
    private readonly BlobContainerClient branding = storage.Container(ContainerNames.Branding);
    private readonly BlobContainerClient requests = storage.Container(ContainerNames.CertificateRequests);
    private readonly BlobContainerClient poison = storage.Container(ContainerNames.CertificateRequestsPoison);

    public static string PdfName(string organizationId, string certificateId) => $"{organizationId}/{certificateId}.pdf";

    /// <summary>The picture stored beside a PDF.</summary>
    public static string PictureName(string pdfName) => Path.ChangeExtension(pdfName, ".png");

    public async Task SavePdfAsync(string name, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken = default) =>
        await SaveAsync(name, pdf, "application/pdf", cancellationToken).ConfigureAwait(false);

    public async Task SavePictureAsync(string name, ReadOnlyMemory<byte> png, CancellationToken cancellationToken = default) =>
        await SaveAsync(name, png, "image/png", cancellationToken).ConfigureAwait(false);

    /// <summary>Whether a PDF or a picture is stored.</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        (await pdfs.GetBlobClient(name).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The PDF's bytes (a few dozen KB), to attach to the e-mail; null when it is not there.</summary>
    public async Task<byte[]?> ReadPdfAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await pdfs.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A PDF or a picture as a stream straight from storage; null when it is not there.</summary>
    public async Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await pdfs.GetBlobClient(name).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task SaveAsync(string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) =>
        await pdfs.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentDisposition = "inline" } },
            cancellationToken).ConfigureAwait(false);

    /// <summary>A design's logo or heading font; null when the design has none or it is gone (the certificate is drawn without it).</summary>
    public async Task<byte[]?> BrandingFileAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (name is null)
        {
            return null;
        }

        try
        {
            return (await branding.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Moves a render request that cannot be read out of the trigger's way, keeping it for a person.</summary>
    public async Task PoisonRequestAsync(string name, CancellationToken cancellationToken = default)
    {
        var source = requests.GetBlobClient(name);
        var content = await source.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        await poison.GetBlobClient(name).UploadAsync(content.Value.Content, overwrite: true, cancellationToken).ConfigureAwait(false);
        await source.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
