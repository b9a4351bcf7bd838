using System.Globalization;
using System.Text;
using Certifications.Functions.Certificates.Rendering;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Certifications.Functions.Tests.Certificates;

/// <summary>Reads a certificate PDF back the way a person or a phone would: its text, its fonts, its QR code.</summary>
internal static class PdfReading
{
    private static readonly Dictionary<DecodeHintType, object> TryHarder = new() { [DecodeHintType.TRY_HARDER] = true };
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

    /// <summary>The page's words as PdfPig finds them, ligatures and Arabic presentation forms read as the letters they draw (NFKC).</summary>
    public static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))))
            .Normalize(NormalizationForm.FormKC);
    }

    /// <summary>
    /// Every letter on the page in the order the PDF holds them (the order a reader extracts), spaces left out, compatibility
    /// forms normalised (NFKC): "fi" for the ligature, "ش" for its initial form.
    /// </summary>
    public static string Letters(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);

        // A span marked with /ActualText (a conjunct, a reordered vowel sign) reads as its actual text, once, where it begins.
        var spans = new Dictionary<(double X, double Y, string Value), MarkedContentElement>();
        foreach (var span in Flatten(page.GetMarkedContents()).Where(m => m.ActualText is not null))
        {
            foreach (var letter in span.Letters)
            {
                spans.TryAdd(Key(letter), span);
            }
        }

        var text = new StringBuilder();
        var read = new HashSet<MarkedContentElement>();
        foreach (var letter in page.Letters)
        {
            if (!spans.TryGetValue(Key(letter), out var span))
            {
                text.Append(letter.Value);
            }
            else if (read.Add(span))
            {
                text.Append(span.ActualText);
            }
        }

        return NoSpaces(text.ToString().Normalize(NormalizationForm.FormKC));

        static (double, double, string) Key(Letter letter) => (letter.StartBaseLine.X, letter.StartBaseLine.Y, letter.Value);

        static IEnumerable<MarkedContentElement> Flatten(IEnumerable<MarkedContentElement> elements) =>
            elements.SelectMany(e => Flatten(e.Children).Prepend(e));
    }

    public static string NoSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// Reads the QR code where the layout puts it on a page's picture (the renderer's PNG, or the PDF as pdftoppm draws it at
    /// the picture's scale): the code's square, quiet zone included, is cut out, enlarged with more white around it, and
    /// decoded by ZXing. Its text; null when it does not decode.
    /// </summary>
    public static string? QrCode(byte[] png, CertificateLayout layout)
    {
        using var page = SKBitmap.Decode(png);
        var scale = page.Width / layout.Width;
        var square = SKRectI.Round(SKRect.Create(
            (float)(layout.QrLeft * scale), (float)((layout.FooterTop + 8) * scale), (float)(CertificateLayout.QrSize * scale),
            (float)(CertificateLayout.QrSize * scale)));
        const int enlarge = 4, quiet = 32;
        var (width, height) = ((square.Width * enlarge) + (2 * quiet), (square.Height * enlarge) + (2 * quiet));
        var pixels = Enumerable.Repeat((byte)255, width * height).ToArray();
        for (var y = 0; y < square.Height * enlarge; y++)
        {
            for (var x = 0; x < square.Width * enlarge; x++)
            {
                var colour = page.GetPixel(square.Left + (x / enlarge), square.Top + (y / enlarge));
                pixels[((y + quiet) * width) + x + quiet] = (byte)((colour.Red + colour.Green + colour.Blue) / 3);
            }
        }

        return Decode(pixels, width, height);
    }

    /// <summary>Finds and reads the QR code anywhere on a page's picture, as a phone's camera would; null when none decodes.</summary>
    public static string? QrCode(byte[] png)
    {
        using var page = SKBitmap.Decode(png);
        var pixels = new byte[page.Width * page.Height];
        for (var y = 0; y < page.Height; y++)
        {
            for (var x = 0; x < page.Width; x++)
            {
                var colour = page.GetPixel(x, y);
                pixels[(y * page.Width) + x] = (byte)((colour.Red + colour.Green + colour.Blue) / 3);
            }
        }

        return Decode(pixels, page.Width, page.Height);
    }

    /// <summary>
    /// ZXing's finder-pattern search misses about 1 in 100 perfectly drawn codes, which says nothing about the code: each way
    /// of reading it (the code alone as a pure barcode, then a search, each with both binarizers) is tried in turn.
    /// </summary>
    private static string? Decode(byte[] grey, int width, int height)
    {
        var source = new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        foreach (var hints in new[] { PureBarcode, TryHarder })
        {
            foreach (var binarizer in new Binarizer[] { new HybridBinarizer(source), new GlobalHistogramBinarizer(source) })
            {
                if (new QRCodeReader().decode(new BinaryBitmap(binarizer), hints) is { } found)
                {
                    return found.Text;
                }
            }
        }

        return null;
    }

    /// <summary>The PDF's page as poppler's pdftoppm draws it (what a PDF viewer shows), as a PNG.</summary>
    public static async Task<byte[]> RasterizeAsync(byte[] pdf, int dpi)
    {
        var command = await Fixtures.DebianPackages.EnsureAsync("pdftoppm", "poppler-utils");
        var folder = Directory.CreateTempSubdirectory("certificate-");
        try
        {
            var input = Path.Combine(folder.FullName, "certificate.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            var arguments = new[] { "-png", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-singlefile", input, Path.Combine(folder.FullName, "page") };
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, errors);
            return await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "page.png"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The mean absolute difference per colour channel (0 to 255) of two pictures of the same size.</summary>
    public static double MeanDifference(SKBitmap first, SKBitmap second)
    {
        long total = 0;
        for (var y = 0; y < first.Height; y++)
        {
            for (var x = 0; x < first.Width; x++)
            {
                var (a, b) = (first.GetPixel(x, y), second.GetPixel(x, y));
                total += Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue);
            }
        }

        return total / (3.0 * first.Width * first.Height);
    }
}
