using Certifications.Domain.Common;
using Certifications.Functions.Certificates.Rendering;
using Certifications.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Certifications.Functions.Certificates;

/// <summary>Which of a certificate's two files a request asks for (<c>?format=pdf</c>, the default, or <c>png</c>), and its answer.</summary>
public enum CertificateFormat
{
    Pdf,
    Png,
}

/// <summary>Reads <c>?format=</c> and answers with the chosen file of a rendered certificate.</summary>
public static class CertificateFormats
{
    public static Result<CertificateFormat> Of(HttpRequest request) => request.Query["format"].ToString().ToLowerInvariant() switch
    {
        "" or "pdf" => CertificateFormat.Pdf,
        "png" => CertificateFormat.Png,
        _ => Error.Invalid("format", "must be pdf or png."),
    };

    public static IActionResult Answer(RenderedCertificate rendered, CertificateFormat format, string fileName) => format == CertificateFormat.Png
        ? FileDownload.Bytes(rendered.Png, "image/png", fileName + ".png")
        : FileDownload.Bytes(rendered.Pdf, "application/pdf", fileName + ".pdf");
}
