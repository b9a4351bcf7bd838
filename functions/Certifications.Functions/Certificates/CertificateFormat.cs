using Certifications.Domain.Certificates;
using Certifications.Domain.Common;
using Certifications.Functions.Certificates.Rendering;
using Certifications.Functions.Http;
using Certifications.Functions.Notifications;
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

    public static IActionResult Answer(RenderedCertificate rendered, CertificateFormat format, string fileName) =>
        FileDownload.Bytes(format == CertificateFormat.Png ? rendered.Png : rendered.Pdf, ContentType(format), $"{fileName}.{Extension(format)}");

    /// <summary>A stored certificate's file, named after the certification and the certificate.</summary>
    public static IActionResult Stream(Certificate certificate, Stream file, CertificateFormat format) =>
        FileDownload.Stream(file, ContentType(format), Path.ChangeExtension(CertificateEmail.FileName(certificate), Extension(format)));

    private static string Extension(CertificateFormat format) => format == CertificateFormat.Png ? "png" : "pdf";

    private static string ContentType(CertificateFormat format) => format == CertificateFormat.Png ? "image/png" : "application/pdf";
}
