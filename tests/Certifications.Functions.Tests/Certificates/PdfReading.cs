using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Certifications.Functions.Tests.Certificates;

/// <summary>Reads a certificate PDF back the way a person or a phone would: its text, its fonts, its QR code.</summary>
internal static class PdfReading
{
    private static readonly Dictionary<DecodeHintType, object> PureBarcode = new() { [DecodeHintType.PURE_BARCODE] = true };

    /// <summary>`qpdf --check` on a file, as a person checking the PDF would run it: its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> QpdfCheckAsync(string path)
    {
        var command = await Fixtures.DebianPackages.EnsureAsync("qpdf", "qpdf");
        using var qpdf = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(command, ["--check", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = qpdf.StandardOutput.ReadToEndAsync();
        var errors = qpdf.StandardError.ReadToEndAsync();
        await qpdf.WaitForExitAsync();
        return (qpdf.ExitCode, await output + await errors);
    }

    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    /// <summary>
    /// Reads the QR code drawn on the page: each image is turned into grey pixels, enlarged with a white quiet zone,
    /// and decoded by ZXing as a pure barcode (it is the code itself, not a photo of it; ZXing's finder-pattern search
    /// misses about 1 in 100 perfectly drawn codes of any encoder, which says nothing about the code). The text of the
    /// first that decodes; null when none does.
    /// </summary>
    public static string? QrCode(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        foreach (var image in document.GetPage(1).GetImages())
        {
            if (Grey(image) is not { } grey)
            {
                continue;
            }

            const int scale = 8, quiet = 32;
            var (w, h) = (image.WidthInSamples, image.HeightInSamples);
            var (width, height) = ((w * scale) + (2 * quiet), (h * scale) + (2 * quiet));
            var pixels = Enumerable.Repeat((byte)255, width * height).ToArray();
            for (var y = 0; y < h * scale; y++)
            {
                for (var x = 0; x < w * scale; x++)
                {
                    pixels[((y + quiet) * width) + x + quiet] = grey[((y / scale) * w) + (x / scale)];
                }
            }

            var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
            if (new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), PureBarcode) is { } result)
            {
                return result.Text;
            }
        }

        return null;
    }

    /// <summary>One grey byte per pixel from an 8-bit grey or RGB image's decoded samples; null for other kinds.</summary>
    private static byte[]? Grey(UglyToad.PdfPig.Content.IPdfImage image)
    {
        if (image.BitsPerComponent != 8 || !image.TryGetBytesAsMemory(out var memory))
        {
            return null;
        }

        var bytes = memory.Span;
        var count = image.WidthInSamples * image.HeightInSamples;
        var components = bytes.Length / Math.Max(1, count);
        if (components is not (1 or 3))
        {
            return null;
        }

        var grey = new byte[count];
        for (var i = 0; i < count; i++)
        {
            grey[i] = bytes[i * components];
        }

        return grey;
    }
}
