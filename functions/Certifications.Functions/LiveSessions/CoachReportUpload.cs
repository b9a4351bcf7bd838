using Certifications.Domain.Common;
using Certifications.Domain.LiveSessions;
using Certifications.Storage.Common;
using Microsoft.AspNetCore.Http;

namespace Certifications.Functions.LiveSessions;

/// <summary>
/// The coach report that may come with a rating: one PDF or DOCX of at most 10 MB, recognised by its first bytes,
/// written to Blob Storage as a stream only once the rating itself is accepted.
/// </summary>
public sealed class CoachReportUpload(StorageAccount storage)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static Result<IFormFile?> Check(IFormFile? file)
    {
        if (file is null)
        {
            return Result<IFormFile?>.Ok(null);
        }

        if (file.Length > MaxBytes)
        {
            return new Error(ErrorKind.PayloadTooLarge, "Report too large", "A coach report may be at most 10 MB.");
        }

        return ExtensionOf(file) is null
            ? new Error(ErrorKind.UnsupportedMediaType, "Unsupported report type", "A coach report is a PDF or a Word (DOCX) document.")
            : Result<IFormFile?>.Ok(file);
    }

    public async Task<string> SaveAsync(LiveSession session, IFormFile file, CancellationToken cancellationToken)
    {
        var name = $"{session.OrganizationId}/{session.Id}/coach-report.{ExtensionOf(file)}";
        await using var stream = file.OpenReadStream();
        await storage.Container(ContainerNames.SessionReports).GetBlobClient(name).UploadAsync(
            stream, overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>"pdf" or "docx" by the file's first bytes; null for anything else.</summary>
    private static string? ExtensionOf(IFormFile file)
    {
        Span<byte> head = stackalloc byte[4];
        using (var stream = file.OpenReadStream())
        {
            stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        }

        return head switch
        {
            [0x25, 0x50, 0x44, 0x46] => "pdf", // %PDF
            [0x50, 0x4B, 0x03, 0x04] => "docx", // a ZIP container, as DOCX files are
            _ => null,
        };
    }
}
