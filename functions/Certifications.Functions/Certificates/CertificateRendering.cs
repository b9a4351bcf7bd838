using System.Security.Cryptography;
using System.Text.Json;
using Certifications.Domain.Certificates;
using Certifications.Functions.Certificates.Rendering;
using Certifications.Functions.Notifications;
using Certifications.Storage.Certificates;
using Microsoft.Extensions.Logging;

namespace Certifications.Functions.Certificates;

/// <summary>
/// Turns a render request into the certificate's PDF, records its hash on the certificate and sends it to the
/// learner. Every step checks what is already done, so a request triggered twice (or retried after a crash) renders
/// the same bytes to the same blob, sends one e-mail, and never makes a second certificate. A request that cannot be
/// read is moved to the poison container and nothing is written.
/// </summary>
public sealed partial class CertificateRendering(
    CertificateRepository certificates, CertificateFiles files, CertificateLinks links, CertificateEmail email,
    IEmailSender mail, TimeProvider clock, ILogger<CertificateRendering> logger)
{
    private const int Attempts = 3;

    public async Task RenderAsync(Stream request, string name, CancellationToken cancellationToken)
    {
        var parsed = await ReadAsync(request, name, cancellationToken).ConfigureAwait(false);
        var record = parsed is null ? null : await certificates.GetAsync(parsed.Certificate.Id, cancellationToken).ConfigureAwait(false);
        if (parsed is null || record is null)
        {
            LogPoisoned(name, parsed is null ? "it is not a readable render request" : "its certificate record does not exist");
            await files.PoisonRequestAsync(name, cancellationToken).ConfigureAwait(false);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            var certificate = record.Value;
            var blob = certificate.PdfBlob ?? CertificateFiles.PdfName(certificate.OrganizationId, certificate.Id);
            byte[]? pdf = null;
            if (!certificate.IsRendered || !await files.PdfExistsAsync(blob, cancellationToken).ConfigureAwait(false))
            {
                pdf = await DrawAsync(certificate, parsed, cancellationToken).ConfigureAwait(false);
                await files.SavePdfAsync(blob, pdf, cancellationToken).ConfigureAwait(false);
                certificate = certificate with { PdfBlob = blob, PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), PdfBytes = pdf.Length };
            }

            if (certificate.DeliveredAt is null)
            {
                pdf ??= await DrawAsync(certificate, parsed, cancellationToken).ConfigureAwait(false);
                await mail.SendAsync([email.Delivered(certificate, parsed.LearnerEmail, pdf)], cancellationToken).ConfigureAwait(false);
                certificate = certificate with { DeliveredAt = clock.GetUtcNow() };
            }

            if (certificate == record.Value)
            {
                return;
            }

            var written = await certificates.UpdateAsync(certificate, record.ETag, cancellationToken).ConfigureAwait(false);
            if (written.IsSuccess)
            {
                LogRendered(certificate.Id, certificate.PdfBytes ?? 0);
                return;
            }

            // Someone changed the record meanwhile (a revocation): take theirs and do what is still missing.
            record = await certificates.GetAsync(parsed.Certificate.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Certificate {parsed.Certificate.Id} disappeared while rendering.");
            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"Certificate {certificate.Id} kept changing while rendering; the trigger retries.");
            }
        }
    }

    /// <summary>The PDF of a certificate as it was issued (the design snapshot of its request, the record's own dates).</summary>
    private async Task<byte[]> DrawAsync(Certificate certificate, CertificateRenderRequest request, CancellationToken cancellationToken)
    {
        var logo = await files.LogoAsync(request.Design.LogoBlob, cancellationToken).ConfigureAwait(false);
        using var output = new MemoryStream();
        CertificatePdf.Render(
            new CertificateContent(Issued(certificate), request.Design, logo, links.Verify(certificate.Id), links.Scan(certificate.Id)), output);
        return output.ToArray();
    }

    /// <summary>What is printed does not change with later events (revocation, delivery), so neither do the bytes.</summary>
    private static Certificate Issued(Certificate certificate) => certificate with
    {
        PdfBlob = null,
        PdfSha256 = null,
        PdfBytes = null,
        DeliveredAt = null,
        RevokedAt = null,
        RevokedReason = null,
        RevokedBy = null,
        RevokedById = null,
        ExpiryRemindedAt = null,
        ExpiredAt = null,
    };

    private async Task<CertificateRenderRequest?> ReadAsync(Stream request, string name, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = await CertificateRenderRequest.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            return parsed is { Certificate.Id: { Length: > 0 } id, Design: not null, LearnerEmail: { Length: > 0 } }
                && CertificateRenderRequest.BlobName(id) == name
                ? parsed
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate {CertificateId} rendered ({Bytes} bytes) and delivered")]
    private partial void LogRendered(string certificateId, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Render request {Name} moved to the poison container: {Why}")]
    private partial void LogPoisoned(string name, string why);
}
