using Certifications.Domain.Catalog;
using Certifications.Functions.Certificates.Rendering.Text;
using QRCoder;
using SkiaSharp;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>
/// Draws a certificate once, after <see cref="CertificateLayout"/>, into a recorded picture that both the PDF and the PNG
/// are played back from: white page, double frame in the design's colours, logo, heading, the learner's name on its own
/// line, signatory, issuer and dates, id line and a QR code to the verification page.
/// </summary>
public static class CertificateDrawing
{
    private static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    private static readonly SKColor Muted = new(0x5A, 0x5A, 0x5A);

    public static SKPicture Record(CertificateContent content, CertificateLayout layout, FontSubsets fonts)
    {
        var design = content.Design;
        using var recorder = new SKPictureRecorder();
        var canvas = recorder.BeginRecording(new SKRect(0, 0, (float)layout.Width, (float)layout.Height));
        using (var paper = new SKPaint { Color = SKColors.White })
        {
            canvas.DrawRect(0, 0, (float)layout.Width, (float)layout.Height, paper);
        }

        var primary = SKColor.Parse(design.PrimaryColor);
        var accent = SKColor.Parse(design.AccentColor);
        DrawFrame(canvas, layout, primary, accent);
        if (content.Logo is not null)
        {
            DrawLogo(canvas, layout, content.Logo, design.Orientation == Orientation.Portrait);
        }

        var text = new PageText(canvas, fonts);
        var y = text.Draw(layout.Heading, primary, CertificateLayout.Margin, layout.HeadingTop, layout.ContentWidth);
        Line(canvas, accent, 2, (layout.Width / 2) - 60, y + 12, (layout.Width / 2) + 60, y + 12);

        y = layout.BodyTop;
        if (layout.Before.Lines.Count > 0 || layout.Name.Lines.Count > 0)
        {
            y = text.Draw(layout.Before, Muted, CertificateLayout.Margin, y, layout.ContentWidth) + layout.Gap;
            y = text.Draw(layout.Name, primary, CertificateLayout.Margin, y, layout.ContentWidth) + layout.Gap;
        }

        text.Draw(layout.After, Muted, CertificateLayout.Margin, y, layout.ContentWidth);
        DrawFooter(canvas, text, layout, accent, content.ScanUrl);
        return recorder.EndRecording();
    }

    private static void DrawFooter(SKCanvas canvas, PageText text, CertificateLayout layout, SKColor accent, string scanUrl)
    {
        var top = layout.FooterTop;
        var column = layout.FooterColumn;
        if (layout.Signatory is { } signatory)
        {
            // The signature line and the name sit in the column's reading-side part, the rest left for the issuer's column.
            var left = layout.RightToLeft ? layout.SignatoryLeft + 30 : layout.SignatoryLeft;
            Line(canvas, accent, 1, left, top + 44, left + column - 30, top + 44);
            var y = text.Draw(signatory, Ink, left, top + 50, column - 30);
            if (layout.SignatoryTitle is { } title)
            {
                text.Draw(title, Muted, left, y, column - 30);
            }
        }

        var next = text.Draw(layout.Issuer, Ink, layout.IssuerLeft, top + 30, column);
        text.Draw(layout.Facts, Muted, layout.IssuerLeft, next + 2, column);
        DrawQr(canvas, scanUrl, layout.QrLeft, top + 8, CertificateLayout.QrSize);
        text.Draw(layout.ScanLabel, Muted, layout.QrLeft - 10, top + 10 + CertificateLayout.QrSize, CertificateLayout.QrSize + 20);
        text.Draw(layout.IdLine, Muted, CertificateLayout.Margin, layout.Height - 50, layout.ContentWidth);
    }

    private static void DrawFrame(SKCanvas canvas, CertificateLayout layout, SKColor primary, SKColor accent)
    {
        var (w, h) = ((float)layout.Width, (float)layout.Height);
        using var outer = new SKPaint { Color = primary, Style = SKPaintStyle.Stroke, StrokeWidth = 4, IsAntialias = true };
        canvas.DrawRect(18, 18, w - 36, h - 36, outer);
        using var inner = new SKPaint { Color = accent, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true };
        canvas.DrawRect(28, 28, w - 56, h - 56, inner);
        using var corner = new SKPaint { Color = accent, IsAntialias = true };
        foreach (var (x, y) in new[] { (28f, 28f), (w - 28, 28f), (28f, h - 28), (w - 28, h - 28) })
        {
            canvas.DrawRect(x - 5, y - 5, 10, 10, corner);
        }
    }

    private static void DrawLogo(SKCanvas canvas, CertificateLayout layout, byte[] logo, bool portrait)
    {
        using var image = SKImage.FromEncodedData(logo) ?? throw new InvalidOperationException("The logo cannot be decoded.");
        var maxHeight = CertificateLayout.LogoHeight(portrait);
        const double maxWidth = 220;
        var scale = Math.Min(maxHeight / image.Height, maxWidth / image.Width);
        var (w, h) = (image.Width * scale, image.Height * scale);
        var target = SKRect.Create((float)((layout.Width - w) / 2), (float)(layout.Top + ((maxHeight - h) / 2)), (float)w, (float)h);
        canvas.DrawImage(image, target, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    /// <summary>
    /// The QR code as one path of its dark modules, quiet zone included: sharp at any zoom in the PDF. Each module is a whole
    /// number of the picture's pixels and starts on a pixel's edge, so the picture's code has modules of one size, not a mix
    /// of 4- and 5-pixel ones that a camera and a decoder read less surely; the code is centred in its square.
    /// </summary>
    private static void DrawQr(SKCanvas canvas, string url, double left, double top, double size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        const double pixel = 1.0 / CertificateRenderer.PictureScale;
        var module = (float)(Math.Floor(size / modules.Count / pixel) * pixel);
        var margin = (size - (module * modules.Count)) / 2;
        var (x, y) = (Math.Round((left + margin) / pixel) * pixel, Math.Round((top + margin) / pixel) * pixel);
        using var path = new SKPathBuilder();
        for (var row = 0; row < modules.Count; row++)
        {
            for (var col = 0; col < modules.Count; col++)
            {
                if (!modules[row][col])
                {
                    continue;
                }

                var start = col;
                while (col + 1 < modules.Count && modules[row][col + 1])
                {
                    col++;
                }

                path.AddRect(SKRect.Create((float)x + (start * module), (float)y + (row * module), (col - start + 1) * module, module));
            }
        }

        using var paint = new SKPaint { Color = SKColors.Black };
        using var modulesPath = path.Detach();
        canvas.DrawPath(modulesPath, paint);
    }

    /// <summary>Text blocks drawn on one canvas in one certificate's font subsets.</summary>
    private sealed class PageText(SKCanvas canvas, FontSubsets fonts)
    {
        /// <summary>Each line centred in the box's width, one text blob per line; returns the y under the last line.</summary>
        public double Draw(TextBlock block, SKColor color, double x, double y, double width)
        {
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            foreach (var line in block.Lines)
            {
                if (line.End > line.Start)
                {
                    using var builder = new SKTextBlobBuilder();
                    var left = x + ((width - (line.Width * block.Size)) / 2);
                    line.AddTo(builder, fonts, block.Size, left, y + Baseline(block));
                    using var blob = builder.Build();
                    if (blob is not null)
                    {
                        canvas.DrawText(blob, 0, 0, paint);
                    }
                }

                y += block.LineHeight;
            }

            return y;
        }

        // The line box is 1.3 sizes high; the baseline leaves room above for ascenders and marks, below for descenders.
        private static double Baseline(TextBlock block) => ((block.LineHeight - block.Size) / 2) + (block.Size * 0.93);
    }

    private static void Line(SKCanvas canvas, SKColor color, float width, double x1, double y1, double x2, double y2)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = width, IsAntialias = true };
        canvas.DrawLine((float)x1, (float)y1, (float)x2, (float)y2, paint);
    }
}
