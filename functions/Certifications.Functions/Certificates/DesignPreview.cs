using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Domain.Common;
using Certifications.Domain.Policies;
using Certifications.Functions.Certificates.Rendering;
using Certifications.Functions.Certificates.Rendering.Text;
using Certifications.Functions.Images;
using Certifications.Functions.Links;
using Certifications.Storage.Catalog;
using Certifications.Storage.Certificates;
using Microsoft.Extensions.Logging;

namespace Certifications.Functions.Certificates;

/// <summary>A design checked and drawn as it would be saved: its new logo normalised, its new font checked, its sample PDF and picture.</summary>
public sealed record DesignDraft(CertificateDesign Design, LogoImage? NewLogo, FontFile? NewFont, RenderedCertificate Sample);

/// <summary>A certification's certificate drawn with sample data, exactly as the renderer will draw the real ones.</summary>
public sealed partial class DesignPreview(
    CertificationRepository certifications, CertificateFiles files, ProductLinks links, ImageIntake images, TimeProvider clock,
    ILogger<DesignPreview> logger)
{
    /// <summary>The saved design.</summary>
    public async Task<Result<RenderedCertificate>> RenderAsync(Caller caller, string certificationId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(caller, certificationId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var certification = found.Value;
        var logo = await files.BrandingFileAsync(certification.Design.LogoBlob, cancellationToken).ConfigureAwait(false);
        var font = await files.BrandingFileAsync(certification.Design.HeadingFontBlob, cancellationToken).ConfigureAwait(false);
        return Draw(caller.Organization.Name, certification, certification.Design, logo, font);
    }

    /// <summary>A design being edited, drawn without saving it: the designer's live preview. It is checked exactly as saving checks it.</summary>
    public async Task<Result<RenderedCertificate>> RenderDraftAsync(
        Caller caller, string certificationId, CertificateDesignInput input, CancellationToken cancellationToken)
    {
        var found = await FindAsync(caller, certificationId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var draft = await DraftAsync(found.Value, input, caller.Organization.Name, cancellationToken).ConfigureAwait(false);
        return draft.IsSuccess ? draft.Value.Sample : draft.Error!;
    }

    /// <summary>
    /// The one check a design passes before it is previewed or saved: valid fields, a logo decoded once and normalised, a font
    /// that loads and may be embedded, text that fits one page, and the real renderer drawing it. A design that saves is a
    /// design that renders.
    /// </summary>
    public async Task<Result<DesignDraft>> DraftAsync(
        Certification certification, CertificateDesignInput input, string organizationName, CancellationToken cancellationToken)
    {
        var validated = input.Validate(certification.Design);
        if (!validated.IsSuccess)
        {
            return validated.Error!;
        }

        var (design, logoUpload, fontUpload) = validated.Value;
        var checkedLogo = logoUpload is null ? null : (Result<LogoImage>?)images.Normalise(logoUpload, "logo");
        var checkedFont = fontUpload is null ? null : (Result<FontFile>?)HeadingFonts.Check(fontUpload, "headingFont");
        if ((checkedLogo?.Error ?? checkedFont?.Error) is { } refused)
        {
            return refused;
        }

        var (newLogo, newFont) = (checkedLogo?.Value, checkedFont?.Value);

        var logo = newLogo?.Bytes ?? await files.BrandingFileAsync(design.LogoBlob, cancellationToken).ConfigureAwait(false);
        var font = newFont?.Bytes ?? await files.BrandingFileAsync(design.HeadingFontBlob, cancellationToken).ConfigureAwait(false);
        var sample = Sample(certification with { Design = design }, organizationName);
        if (!CertificateRenderer.Fits(design, sample, logo is not null, font))
        {
            return Error.Invalid("body", "is too long for one page: shorten it or use fewer line breaks.");
        }

        var drawn = Draw(organizationName, certification, design, logo, font);
        return drawn.IsSuccess ? new DesignDraft(design, newLogo, newFont, drawn.Value) : drawn.Error!;
    }

    private async Task<Result<Certification>> FindAsync(Caller caller, string certificationId, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireManager(caller) is { } forbidden)
        {
            return forbidden;
        }

        return await certifications.GetAsync(caller.OrganizationId, certificationId, cancellationToken).ConfigureAwait(false) is { } found
            ? found.Value
            : Error.NotFound("The certification");
    }

    private Result<RenderedCertificate> Draw(
        string organizationName, Certification certification, CertificateDesign design, byte[]? logo, byte[]? font)
    {
        var sample = Sample(certification with { Design = design }, organizationName);
        try
        {
            return CertificateRenderer.Render(new CertificateContent(sample, design, logo, links.Verify(sample.Id), links.Scan(sample.Id), font));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A design the renderer cannot draw is refused here, where a person can fix it, not when a learner earns it.
            LogUndrawable(e, certification.Id);
            return Error.Invalid("certificateDesign", "cannot be drawn as a certificate; try another logo or shorter text.");
        }
    }

    private Certificate Sample(Certification certification, string organizationName) =>
        CertificateWording.Sample(certification, organizationName, clock.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Warning, Message = "The design of certification {CertificationId} could not be drawn")]
    private partial void LogUndrawable(Exception exception, string certificationId);
}
