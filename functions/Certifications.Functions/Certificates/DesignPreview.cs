using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Domain.Common;
using Certifications.Domain.Policies;
using Certifications.Functions.Certificates.Rendering;
using Certifications.Storage.Catalog;
using Certifications.Storage.Certificates;

namespace Certifications.Functions.Certificates;

/// <summary>A certification's certificate drawn with sample data, exactly as the renderer will draw the real ones.</summary>
public sealed class DesignPreview(CertificationRepository certifications, CertificateFiles files, CertificateLinks links, TimeProvider clock)
{
    /// <summary>The saved design.</summary>
    public async Task<Result<byte[]>> RenderAsync(Caller caller, string certificationId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(caller, certificationId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var certification = found.Value;
        var logo = await files.LogoAsync(certification.Design.LogoBlob, cancellationToken).ConfigureAwait(false);
        return Render(caller, certification, certification.Design, logo);
    }

    /// <summary>A design being edited, drawn without saving it: the designer's live preview. It is checked exactly as saving checks it.</summary>
    public async Task<Result<byte[]>> RenderDraftAsync(Caller caller, string certificationId, CertificateDesignInput input, CancellationToken cancellationToken)
    {
        var found = await FindAsync(caller, certificationId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var certification = found.Value;
        var validated = input.Validate(certification.Design);
        if (!validated.IsSuccess)
        {
            return validated.Error!;
        }

        var (design, newLogo) = validated.Value;
        var logo = newLogo?.Bytes ?? await files.LogoAsync(design.LogoBlob, cancellationToken).ConfigureAwait(false);
        return CheckFits(design, logo is not null, certification, caller.Organization.Name) is { } tooLong
            ? tooLong
            : Render(caller, certification, design, logo);
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

    private byte[] Render(Caller caller, Certification certification, CertificateDesign design, byte[]? logo)
    {
        var sample = CertificateWording.Sample(certification, caller.Organization.Name, clock.GetUtcNow());
        using var output = new MemoryStream();
        CertificatePdf.Render(new CertificateContent(sample, design, logo, links.Verify(sample.Id), links.Scan(sample.Id)), output);
        return output.ToArray();
    }

    /// <summary>Null when the design fits one page with sample data; otherwise the error to answer with.</summary>
    public Error? CheckFits(CertificateDesign design, bool hasLogo, Certification certification, string organizationName) =>
        CertificatePdf.Fits(design, CertificateWording.Sample(certification, organizationName, clock.GetUtcNow()), hasLogo)
            ? null
            : Error.Invalid("body", "is too long for one page: shorten it or use fewer line breaks.");
}
