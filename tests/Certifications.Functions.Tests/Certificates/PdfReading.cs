using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Certifications.Functions.Tests.Certificates;

/// <summary>Reads a certificate PDF back the way a person or a phone would: its text, its fonts, its QR code.</summary>
internal static class PdfReading
{
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    /// <summary>
    /// Finds the QR code the way a phone would: the page's black filled shapes are painted onto a white bitmap
    /// (with a quiet zone), which ZXing then decodes. Null when nothing decodes.
    /// </summary>
    public static string? QrCode(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var squares = document.GetPage(1).Paths
            .Where(p => p.IsFilled && p.FillColor is { } c && c.ToRGBValues() == (0, 0, 0))
            .Select(p => p.GetBoundingRectangle())
            .OfType<UglyToad.PdfPig.Core.PdfRectangle>()
            .ToArray();
        if (squares.Length == 0)
        {
            return null;
        }

        const double scale = 4;
        const int quiet = 40;
        var (left, bottom) = (squares.Min(r => r.Left), squares.Min(r => r.Bottom));
        var width = (int)Math.Ceiling((squares.Max(r => r.Right) - left) * scale) + (2 * quiet);
        var height = (int)Math.Ceiling((squares.Max(r => r.Top) - bottom) * scale) + (2 * quiet);
        var pixels = Enumerable.Repeat((byte)255, width * height).ToArray();
        foreach (var r in squares)
        {
            for (var y = (int)Math.Round((r.Bottom - bottom) * scale); y < (int)Math.Round((r.Top - bottom) * scale); y++)
            {
                for (var x = (int)Math.Round((r.Left - left) * scale); x < (int)Math.Round((r.Right - left) * scale); x++)
                {
                    pixels[((height - 1 - quiet - y) * width) + quiet + x] = 0;
                }
            }
        }

        var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))?.Text;
    }
}
