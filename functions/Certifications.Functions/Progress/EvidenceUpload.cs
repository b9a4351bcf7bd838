using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Functions.Http;
using Certifications.Storage.Enrollments;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Certifications.Functions.Progress;

/// <summary>
/// Reads a multipart evidence hand-in (a "text" field and files), streaming each file straight to Blob Storage
/// within size and type limits. Whatever went up before a limit was hit, or before the connection was cut, is taken down
/// again; files stay pending until their hand-in is recorded (<see cref="AbandonedUploads"/> takes what a dead host left).
/// </summary>
public sealed class EvidenceUpload(EvidenceStore store)
{
    public const int MaxFiles = 5;
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxRequestBytes = MaxFiles * MaxFileBytes + (64 * 1024);

    /// <summary>What a learner may hand in: documents, images, audio and video that a coach can open anywhere.</summary>
    public static readonly IReadOnlySet<string> AcceptedTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "text/plain", "image/png", "image/jpeg", "image/gif", "image/webp",
        "audio/mpeg", "audio/mp4", "video/mp4", "video/quicktime", "video/webm",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public async Task<Result<EvidenceItem>> ReadAsync(
        HttpRequest request, string organizationId, string enrollmentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes)
        {
            return TooLarge();
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return new Error(ErrorKind.UnsupportedMediaType, "Unsupported media type", "Send evidence as multipart/form-data: a 'text' field and/or files.");
        }

        var evidenceId = Ids.New(Ids.Evidence);
        var files = new List<EvidenceFile>();
        string? text = null;
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = MaxFileBytes };
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    return Error.Invalid("The multipart body has a part without a Content-Disposition.");
                }

                if (disposition.IsFileDisposition())
                {
                    var read = await UploadAsync(
                        section, disposition, organizationId, enrollmentId, evidenceId, files, cancellationToken).ConfigureAwait(false);
                    if (read is not null)
                    {
                        await DiscardAsync(files, CancellationToken.None).ConfigureAwait(false);
                        return read;
                    }
                }
                else if (HeaderUtilities.RemoveQuotes(disposition.Name).Value == "text")
                {
                    using var limited = new StreamReader(new LimitedStream(section.Body, 64 * 1024));
                    text = await limited.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await DiscardAsync(files, CancellationToken.None).ConfigureAwait(false);
                    return Error.Invalid(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "part", "is not a known field; send 'text' and files.");
                }
            }
        }
        catch (Exception e) when (e is LimitedStream.TooLargeException or InvalidDataException)
        {
            await DiscardAsync(files, CancellationToken.None).ConfigureAwait(false);
            return e is LimitedStream.TooLargeException || e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? TooLarge()
                : Error.Invalid("The multipart body could not be read: " + e.Message);
        }
        catch
        {
            // The connection was cut (or anything else went wrong) halfway: what went up is taken down before the error goes on.
            await DiscardAsync(files, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return new EvidenceItem { Id = evidenceId, Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(), Files = files, AddedAt = now };
    }

    public Task DiscardAsync(EvidenceItem evidence, CancellationToken cancellationToken) => DiscardAsync(evidence.Files, cancellationToken);

    /// <summary>The hand-in is recorded: its files are no longer pending, so no cleanup ever takes them.</summary>
    public Task CommitAsync(EvidenceItem evidence, CancellationToken cancellationToken) =>
        store.CommitAsync(evidence.Files.Select(f => f.BlobName), cancellationToken);

    private Task DiscardAsync(IEnumerable<EvidenceFile> files, CancellationToken cancellationToken) =>
        store.DeleteAsync(files.Select(f => f.BlobName), cancellationToken);

    private async Task<Error?> UploadAsync(
        MultipartSection section, ContentDispositionHeaderValue disposition, string organizationId, string enrollmentId, string evidenceId,
        List<EvidenceFile> files, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(
            HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "file");
        if (EvidenceFile.Refuses(name) is { } refused)
        {
            return Error.Invalid("file", refused);
        }

        if (files.Count == MaxFiles)
        {
            return new Error(ErrorKind.PayloadTooLarge, "Too many files", $"Hand in at most {MaxFiles} files at a time.");
        }

        var contentType = MediaTypeHeaderValue.TryParse(section.ContentType, out var type) ? type.MediaType.Value ?? string.Empty : string.Empty;
        if (!AcceptedTypes.Contains(contentType))
        {
            return new Error(ErrorKind.UnsupportedMediaType, "File type not accepted",
                $"'{name}' is {(contentType.Length == 0 ? "of no stated type" : contentType)}; "
                + "accepted are PDF, Office documents, plain text, images, audio and video.");
        }

        var blobName = EvidenceStore.BlobName(organizationId, enrollmentId, evidenceId, files.Count);
        var body = new LimitedStream(section.Body, MaxFileBytes);
        try
        {
            await store.UploadAsync(blobName, body, contentType, cancellationToken).ConfigureAwait(false);
        }
        catch (LimitedStream.TooLargeException)
        {
            await store.DeleteAsync([blobName], CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        files.Add(new EvidenceFile(name, contentType, body.Position, blobName));
        return null;
    }

    private static Error TooLarge() =>
        new(ErrorKind.PayloadTooLarge, "Evidence too large",
            $"Each file may be at most {MaxFileBytes / (1024 * 1024)} MB, and at most {MaxFiles} files at a time.");
}
