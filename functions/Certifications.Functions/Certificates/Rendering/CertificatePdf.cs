using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>
/// Draws a certificate as a one-page PDF (PDFsharp) after <see cref="CertificateLayout"/>: double frame in the
/// design's colours, logo, heading, the learner's name on its own line, signatory, dates, id and a QR code to the
/// verification page. The same content gives the same bytes, so a re-rendered certificate keeps its SHA-256.
/// </summary>
public static class CertificatePdf
{
    private static readonly XColor Ink = XColor.FromArgb(0x22, 0x22, 0x22);
    private static readonly XColor Muted = XColor.FromArgb(0x5A, 0x5A, 0x5A);

    /// <summary>Whether the design's text fits its page with sample data (a body too long for one page does not).</summary>
    public static bool Fits(CertificateDesign design, Certificate sample, bool hasLogo)
    {
        CertificateFonts.EnsureInstalled();
        var (width, height) = CertificateLayout.PageSize(design.Orientation);
        using var measure = XGraphics.CreateMeasureContext(new XSize(width, height), XGraphicsUnit.Point, XPageDirection.Downwards);
        return CertificateLayout.Plan(measure, design, sample, hasLogo, "https://example.org/api/verify/" + sample.Id).Fits;
    }

    public static void Render(CertificateContent content, Stream output)
    {
        CertificateFonts.EnsureInstalled();
        var (certificate, design) = (content.Certificate, content.Design);
        using var document = new PdfDocument();
        // Fastest deflate: a few KB more per certificate, well under the 100 KB budget, for a quicker render.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

        // PDFsharp 6.2 ends its deflate streams without the Adler-32 trailer, which qpdf flags in the page content.
        // The content is a few KB of drawing operators, so it goes uncompressed; fonts and images keep the encoder.
        document.Options.CompressContentStreams = false;
        Describe(document, certificate, design);

        var (width, height) = CertificateLayout.PageSize(design.Orientation);
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(width);
        page.Height = XUnit.FromPoint(height);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var layout = CertificateLayout.Plan(gfx, design, certificate, content.Logo is not null, content.VerifyUrl);
            var primary = Color(design.PrimaryColor);
            var accent = Color(design.AccentColor);
            DrawFrame(gfx, layout, primary, accent);
            if (content.Logo is not null)
            {
                DrawLogo(gfx, layout, content.Logo, design.Orientation == Orientation.Portrait);
            }

            var y = Draw(gfx, layout.Heading, primary, CertificateLayout.Margin, layout.HeadingTop, layout.ContentWidth);
            gfx.DrawLine(new XPen(accent, 2), (layout.Width / 2) - 60, y + 12, (layout.Width / 2) + 60, y + 12);

            y = layout.BodyTop;
            if (layout.Before.Lines.Count > 0 || layout.Name.Lines.Count > 0)
            {
                y = Draw(gfx, layout.Before, Muted, CertificateLayout.Margin, y, layout.ContentWidth) + layout.Gap;
                y = Draw(gfx, layout.Name, primary, CertificateLayout.Margin, y, layout.ContentWidth) + layout.Gap;
            }

            Draw(gfx, layout.After, Muted, CertificateLayout.Margin, y, layout.ContentWidth);
            DrawFooter(gfx, layout, design, certificate, accent, content.ScanUrl);
        }

        using var written = new MemoryStream();
        document.Save(written, closeStream: false);
        var bytes = written.GetBuffer().AsSpan(0, (int)written.Length);
        StableSubsetTags(bytes, certificate.Id);
        StableXmpIds(bytes, certificate.Id);
        output.Write(bytes);
    }

    /// <summary>
    /// PDFsharp names each embedded font subset with a random six-letter tag ("ABCDEF+DejaVu Serif"); the tags are
    /// replaced, same length so no offset moves, by tags derived from the certificate id and the font's order.
    /// </summary>
    private static void StableSubsetTags(Span<byte> pdf, string certificateId)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 7 < pdf.Length; i++)
        {
            if (pdf[i - 1] != (byte)'/' || pdf[i + 6] != (byte)'+' || !IsTag(pdf.Slice(i, 6)))
            {
                continue;
            }

            var tag = Encoding.ASCII.GetString(pdf.Slice(i, 6));
            if (!tags.TryGetValue(tag, out var stable))
            {
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{certificateId}/{tags.Count}"));
                stable = string.Concat(hash.AsSpan(0, 6).ToArray().Select(b => (char)('A' + (b % 26))));
                tags[tag] = stable;
            }

            Encoding.ASCII.GetBytes(stable, pdf.Slice(i, 6));
            i += 6;
        }
    }

    /// <summary>The XMP metadata's document and instance ids are random uuids too; same treatment.</summary>
    private static void StableXmpIds(Span<byte> pdf, string certificateId)
    {
        var marker = "uuid:"u8;
        var count = 0;
        for (var at = pdf.IndexOf(marker); at >= 0 && at + marker.Length + 36 <= pdf.Length;)
        {
            var start = at + marker.Length;
            var uuid = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{certificateId}/xmp/{count++}")).AsSpan(0, 16)).ToString("D");
            Encoding.ASCII.GetBytes(uuid, pdf.Slice(start, 36));
            var next = pdf[(start + 36)..].IndexOf(marker);
            at = next < 0 ? -1 : start + 36 + next;
        }
    }

    private static bool IsTag(ReadOnlySpan<byte> candidate)
    {
        foreach (var b in candidate)
        {
            if (b is < (byte)'A' or > (byte)'Z')
            {
                return false;
            }
        }

        return true;
    }

    private static void Describe(PdfDocument document, Certificate certificate, CertificateDesign design)
    {
        document.Info.Title = $"{CertificateWording.Fill(design.Heading, certificate)} — {certificate.CertificationTitle}";
        document.Info.Subject = $"{certificate.CertificationTitle}, awarded to {certificate.LearnerName}";
        document.Info.Author = certificate.OrganizationName;
        document.Info.Creator = "Certifications";
        document.Info.CreationDate = certificate.IssuedAt.UtcDateTime;
        document.Info.ModificationDate = certificate.IssuedAt.UtcDateTime;

        // The trailer id is random by default; derived from the certificate id, a re-render is byte-for-byte the same.
        var id = new string(SHA256.HashData(Encoding.UTF8.GetBytes(certificate.Id)).AsSpan(0, 16).ToArray().Select(b => (char)b).ToArray());
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
    }

    private static double Draw(XGraphics gfx, TextBlock block, XColor color, double x, double y, double width)
    {
        var brush = new XSolidBrush(color);
        foreach (var line in block.Lines)
        {
            MixedText.DrawCentered(gfx, line, block.Font, brush, new XRect(x, y, width, block.LineHeight));
            y += block.LineHeight;
        }

        return y;
    }

    private static void DrawFrame(XGraphics gfx, CertificateLayout layout, XColor primary, XColor accent)
    {
        gfx.DrawRectangle(new XPen(primary, 4), 18, 18, layout.Width - 36, layout.Height - 36);
        gfx.DrawRectangle(new XPen(accent, 1.2), 28, 28, layout.Width - 56, layout.Height - 56);
        var corner = new XSolidBrush(accent);
        foreach (var (x, y) in new[] { (28.0, 28.0), (layout.Width - 28, 28.0), (28.0, layout.Height - 28), (layout.Width - 28, layout.Height - 28) })
        {
            gfx.DrawRectangle(corner, x - 5, y - 5, 10, 10);
        }
    }

    private static void DrawLogo(XGraphics gfx, CertificateLayout layout, byte[] logo, bool portrait)
    {
        using var stream = new MemoryStream(logo, writable: false);
        using var image = XImage.FromStream(stream);
        var maxHeight = CertificateLayout.LogoHeight(portrait);
        const double maxWidth = 220;
        var scale = Math.Min(maxHeight / image.PointHeight, maxWidth / image.PointWidth);
        var (w, h) = (image.PointWidth * scale, image.PointHeight * scale);
        gfx.DrawImage(image, (layout.Width - w) / 2, layout.Top + ((maxHeight - h) / 2), w, h);
    }

    private static void DrawFooter(XGraphics gfx, CertificateLayout layout, CertificateDesign design, Certificate certificate, XColor accent, string scanUrl)
    {
        var top = layout.FooterTop;
        var column = (layout.ContentWidth - CertificateLayout.QrSize - 20) / 2;
        var left = CertificateLayout.Margin;
        if (design.SignatoryName is not null)
        {
            gfx.DrawLine(new XPen(accent, 1), left, top + 44, left + column - 30, top + 44);
            var signatory = TextFitting.Fit(gfx, design.SignatoryName, CertificateFonts.Serif, bold: true, 13, 8, column - 30, maxLines: 1);
            var y = Draw(gfx, signatory, Ink, left, top + 50, column - 30);
            if (design.SignatoryTitle is not null)
            {
                Draw(gfx, TextFitting.Fit(gfx, design.SignatoryTitle, CertificateFonts.Sans, bold: false, 10, 7, column - 30, maxLines: 2), Muted,
                    left, y, column - 30);
            }
        }

        var middle = left + column;
        var facts = new List<string> { $"Issued {CertificateWording.Date(certificate.IssuedAt)}" };
        if (certificate.ExpiresAt is { } expires)
        {
            facts.Add($"Valid until {CertificateWording.Date(expires)}");
        }

        var issuer = TextFitting.Fit(gfx, certificate.OrganizationName, CertificateFonts.Serif, bold: true, 13, 8, column, maxLines: 1);
        var next = Draw(gfx, issuer, Ink, middle, top + 30, column);
        Draw(gfx, new TextBlock(facts, TextFitting.Font(CertificateFonts.Sans, 10)), Muted, middle, next + 2, column);

        var qrLeft = layout.Width - CertificateLayout.Margin - CertificateLayout.QrSize;
        DrawQr(gfx, scanUrl, qrLeft, top + 8, CertificateLayout.QrSize);

        Draw(gfx, new TextBlock(["Scan to verify"], TextFitting.Font(CertificateFonts.Sans, 7)), Muted, qrLeft - 10,
            top + 10 + CertificateLayout.QrSize, CertificateLayout.QrSize + 20);
        Draw(gfx, layout.IdLine, Muted, CertificateLayout.Margin, layout.Height - 50, layout.ContentWidth);
    }

    /// <summary>
    /// The QR code as a bitmap of one pixel per module, drawn without interpolation: as sharp as vectors at any zoom,
    /// and far cheaper to write than a rectangle per module.
    /// </summary>
    private static void DrawQr(XGraphics gfx, string url, double x, double y, double size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var bitmap = new MemoryStream(new BitmapByteQRCode(data).GetGraphic(1), writable: false);
        using var image = XImage.FromStream(bitmap);
        image.Interpolate = false;
        gfx.DrawImage(image, x, y, size, size);
    }

    private static XColor Color(string hex) => XColor.FromArgb(
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
