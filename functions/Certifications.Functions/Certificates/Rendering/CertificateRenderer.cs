using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Functions.Certificates.Rendering.Text;
using SkiaSharp;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>A certificate as it is stored and sent: its one-page PDF and its picture, both from the same drawing.</summary>
public sealed record RenderedCertificate(byte[] Pdf, byte[] Png);

/// <summary>
/// Renders a certificate: lays it out once, records the drawing once, and plays the recording back into a PDF (fonts
/// subset and embedded, text extractable, PDF/A-2b) and into a PNG at <see cref="PictureScale"/> times the page's size in
/// points. The same content gives the same bytes, so a re-rendered certificate keeps its SHA-256.
/// </summary>
public static class CertificateRenderer
{
    /// <summary>Pixels per point of the picture: 144 dpi, sharp on a high-density screen and in a link preview.</summary>
    public const int PictureScale = 2;

    /// <summary>Whether the design's text fits its page with sample data (a body too long for one page does not).</summary>
    public static bool Fits(CertificateDesign design, Certificate sample, bool hasLogo, byte[]? headingFont = null)
    {
        using var font = headingFont is null ? null : FontFace.Load("heading", headingFont);
        return CertificateLayout.Plan(design, sample, hasLogo, "https://example.org/api/verify/" + sample.Id, font).Fits;
    }

    public static RenderedCertificate Render(CertificateContent content)
    {
        // The organization's font is read for this render only (a few milliseconds), and freed with it.
        using var headingFont = content.HeadingFont is null ? null : FontFace.Load("heading", content.HeadingFont);
        var layout = CertificateLayout.Plan(content.Design, content.Certificate, content.Logo is not null, content.VerifyUrl, headingFont);
        using var fonts = FontSubsets.Of(layout.Lines);
        using var picture = CertificateDrawing.Record(content, layout, fonts);
        return new RenderedCertificate(Pdf(content, layout, picture), Png(layout, picture));
    }

    private static byte[] Pdf(CertificateContent content, CertificateLayout layout, SKPicture picture)
    {
        var (certificate, design) = (content.Certificate, content.Design);
        var issued = certificate.IssuedAt.UtcDateTime;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{CertificateWording.Fill(design.Heading, certificate, design.Language)} — {certificate.CertificationTitle}",
            Subject = $"{certificate.CertificationTitle}: {certificate.LearnerName}",
            Author = certificate.OrganizationName,
            Creator = "Certifications",
            Producer = "Certifications",

            // Fixed dates (the issue time) keep the bytes, and the PDF/A document id derived from them, the same on every render.
            Creation = issued,
            Modified = issued,
            PdfA = true,
            RasterDpi = 72 * PictureScale,
            EncodingQuality = 90,
        };
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            var canvas = document.BeginPage((float)layout.Width, (float)layout.Height);
            canvas.DrawPicture(picture);
            document.EndPage();
            document.Close();
        }

        var pdf = output.ToArray();
        PdfIdentity.MakeStable(pdf, certificate.Id);
        return pdf;
    }

    private static byte[] Png(CertificateLayout layout, SKPicture picture)
    {
        var info = new SKImageInfo((int)layout.Width * PictureScale, (int)layout.Height * PictureScale, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("No surface for the certificate's picture.");
        surface.Canvas.Scale(PictureScale);
        surface.Canvas.DrawPicture(picture);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("The picture could not be encoded.");
        return data.ToArray();
    }
}
