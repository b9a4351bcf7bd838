using System.Security.Cryptography;
using System.Text.Json;
using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Domain.Common;
using Certifications.Functions.Certificates.Rendering;
using Certifications.Functions.Links;
using Certifications.Functions.Notifications;
using Certifications.Storage.Catalog;
using Certifications.Storage.Certificates;
using Certifications.Storage.Common;
using Certifications.Storage.Delivery;
using Microsoft.Extensions.Logging;

namespace Certifications.Functions.Certificates;

/// <summary>
/// Turns a render request into the certificate's PDF and picture, records its hash on the certificate and sends it to the
/// learner. Every step checks what is already done, so a request triggered twice (or retried after a crash) renders
/// the same bytes to the same blob, sends one e-mail, and never makes a second certificate. A request that cannot be
/// read is moved to the poison container and nothing is written. A design that cannot be drawn is recorded on the
/// certificate with its reason, for a super admin to fix and render again; a storage or mail error is thrown, so the
/// trigger retries and, after its last attempt, the delivery sweep does.
/// </summary>
public sealed partial class CertificateRendering(
    CertificateRepository certificates, CertificateFiles files, DesignVersions designs, UndeliveredAwards undelivered, ProductLinks links,
    CertificateEmail email, IEmailSender mail, RecipientLanguages languages, TimeProvider clock, ILogger<CertificateRendering> logger)
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

        var design = parsed.Design ?? (parsed.DesignVersion is { } version
            ? await designs.GetAsync(record.Value.OrganizationId, record.Value.CertificationId, version, cancellationToken).ConfigureAwait(false)
            : null);
        for (var attempt = 1; ; attempt++)
        {
            var certificate = record.Value;
            if (certificate.IsDelivered)
            {
                await undelivered.ForgetCertificateAsync(certificate.OrganizationId, certificate.Id, cancellationToken).ConfigureAwait(false);
                return;
            }

            var blob = certificate.PdfBlob ?? CertificateFiles.PdfName(certificate.OrganizationId, certificate.Id);
            byte[]? pdf = null;
            if (!certificate.IsRendered || !await files.ExistsAsync(blob, cancellationToken).ConfigureAwait(false))
            {
                var drawn = await DrawAsync(certificate, design, cancellationToken).ConfigureAwait(false);
                if (!drawn.IsSuccess)
                {
                    certificate = certificate with { RenderFailure = drawn.Error!.Detail, RenderFailedAt = clock.GetUtcNow() };
                    if ((await certificates.UpdateAsync(certificate, record.ETag, cancellationToken).ConfigureAwait(false)).IsSuccess)
                    {
                        LogUndrawable(certificate.Id, drawn.Error.Detail);
                        return;
                    }

                    record = await ReloadAsync(parsed, attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // The picture first: a PDF on record always has its picture beside it.
                pdf = drawn.Value.Pdf;
                await files.SavePictureAsync(CertificateFiles.PictureName(blob), drawn.Value.Png, cancellationToken).ConfigureAwait(false);
                await files.SavePdfAsync(blob, pdf, cancellationToken).ConfigureAwait(false);
                certificate = certificate with
                {
                    PdfBlob = blob,
                    PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
                    PdfBytes = pdf.Length,
                    RenderFailure = null,
                    RenderFailedAt = null,
                };
            }

            if (certificate.DeliveredAt is null)
            {
                pdf ??= (await files.ReadPdfAsync(blob, cancellationToken).ConfigureAwait(false))
                    ?? throw new InvalidOperationException($"The PDF of certificate {certificate.Id} disappeared while sending it.");
                var language = await languages.OfAsync(certificate.OrganizationId, certificate.LearnerId, cancellationToken).ConfigureAwait(false);
                await mail.SendAsync([email.Delivered(certificate, parsed.LearnerEmail, language, pdf)], cancellationToken).ConfigureAwait(false);
                certificate = certificate with { DeliveredAt = clock.GetUtcNow() };
            }

            var written = certificate == record.Value
                || (await certificates.UpdateAsync(certificate, record.ETag, cancellationToken).ConfigureAwait(false)).IsSuccess;
            if (written)
            {
                await undelivered.ForgetCertificateAsync(certificate.OrganizationId, certificate.Id, cancellationToken).ConfigureAwait(false);
                LogRendered(certificate.Id, certificate.PdfBytes ?? 0);
                return;
            }

            // Someone changed the record meanwhile (a revocation): take theirs and do what is still missing.
            record = await ReloadAsync(parsed, attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Versioned<Certificate>> ReloadAsync(CertificateRenderRequest request, int attempt, CancellationToken cancellationToken)
    {
        if (attempt == Attempts)
        {
            throw new InvalidOperationException($"Certificate {request.Certificate.Id} kept changing while rendering; the trigger retries.");
        }

        return await certificates.GetAsync(request.Certificate.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Certificate {request.Certificate.Id} disappeared while rendering.");
    }

    /// <summary>
    /// The PDF and picture of a certificate as it was issued (the design version of its request, the record's own dates), or why it
    /// cannot be drawn. Only drawing is caught here: reading the logo is storage, and a storage error is worth a retry.
    /// </summary>
    private async Task<Result<RenderedCertificate>> DrawAsync(Certificate certificate, CertificateDesign? design, CancellationToken cancellationToken)
    {
        if (design is null)
        {
            return Error.Invalid("The design this certificate was issued with is missing; render it again to draw it with the current design.");
        }

        var logo = await files.BrandingFileAsync(design.LogoBlob, cancellationToken).ConfigureAwait(false);
        var font = await files.BrandingFileAsync(design.HeadingFontBlob, cancellationToken).ConfigureAwait(false);
        try
        {
            return CertificateRenderer.Render(
                new CertificateContent(Issued(certificate), design, logo, links.Verify(certificate.Id), links.Scan(certificate.Id), font));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDrawFailed(e, certificate.Id);
            return Error.Invalid($"The certificate design could not be drawn ({e.Message}); fix the design, then render it again.");
        }
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
            return parsed is { Certificate.Id: { Length: > 0 } id, LearnerEmail: { Length: > 0 } }
                && (parsed.Design is not null || parsed.DesignVersion is not null)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Certificate {CertificateId} could not be drawn: {Why}")]
    private partial void LogUndrawable(string certificateId, string why);

    [LoggerMessage(Level = LogLevel.Error, Message = "Drawing certificate {CertificateId} failed")]
    private partial void LogDrawFailed(Exception exception, string certificateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Render request {Name} moved to the poison container: {Why}")]
    private partial void LogPoisoned(string name, string why);
}
