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
    public async Task<Result<byte[]>> RenderAsync(Caller caller, string certificationId, CancellationToken cancellationToken)
    {
        if (CatalogAccess.RequireManager(caller) is { } forbidden)
        {
            return forbidden;
        }

        if (await certifications.GetAsync(caller.OrganizationId, certificationId, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return Error.NotFound("The certification");
        }

        var certification = found.Value;
        var sample = CertificateWording.Sample(certification, caller.Organization.Name, clock.GetUtcNow());
        var logo = await files.LogoAsync(certification.Design.LogoBlob, cancellationToken).ConfigureAwait(false);
        using var output = new MemoryStream();
        CertificatePdf.Render(new CertificateContent(sample, certification.Design, logo, links.Verify(sample.Id), links.Scan(sample.Id)), output);
        return output.ToArray();
    }

    /// <summary>Null when the design fits one page with sample data; otherwise the error to answer with.</summary>
    public Error? CheckFits(CertificateDesign design, bool hasLogo, Certification certification, string organizationName) =>
        CertificatePdf.Fits(design, CertificateWording.Sample(certification, organizationName, clock.GetUtcNow()), hasLogo)
            ? null
            : Error.Invalid("body", "is too long for one page: shorten it or use fewer line breaks.");
}
