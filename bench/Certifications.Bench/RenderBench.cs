using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Certifications.DevHost.Demo;
using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Functions.Certificates.Rendering;
using Certifications.Functions.Certificates.Rendering.Text;
using SkiaSharp;

namespace Certifications.Bench;

/// <summary>
/// Certificates rendered per second on one core (PDF and picture together), side by side with the floor: Skia writing a bare
/// one-page PDF and the same page's PNG, with the same fonts, logo and strings at fixed points: no shaping, bidi, fitting,
/// subsetting or QR code. Runs alternate (app, floor, app, ...) in short rounds so both see the same machine: this one is a
/// shared virtual machine whose speed drifts, so the figure that counts is the median over rounds of each round's own ratio.
/// </summary>
internal static class RenderBench
{
    /// <summary>The public address the QR code is made from; its host's length decides the code's size (see ScanLink).</summary>
    public static string PublicBaseUrl { get; set; } = "https://certs.northwind.com";

    /// <summary>With --scripts, learners' names in Arabic, Hindi, Chinese and Korean between the Latin ones.</summary>
    public static bool Scripts { get; set; }

    public static void Run(int seconds, int rounds)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        var logo = DemoLogo.Png();
        var design = CertificateDesign.Default with { LogoBlob = "logo", SignatoryName = "Ada Admin", SignatoryTitle = "Head of Learning, Northwind Traders" };
        string[] latin = ["Zoë Ångström-Núñez", "José Núñez", "Łukasz Żółkiewski", "Maximiliana Alexandrina Konstantinopoulou-Wolfeschlegelsteinhausen"];
        var names = Scripts ? [.. latin, "فاطمة الزهراء", "अनन्या क्षत्रिय", "王小明", "김민준"] : latin;
        Certificate CertificateFor(int i) => new()
        {
            Id = Certificate.NewId(),
            OrganizationId = "org_bench",
            OrganizationName = "Northwind Traders",
            EnrollmentId = "enr_bench",
            CertificationId = "crt_bench",
            CertificationTitle = "Data Protection Basics",
            LearnerId = "usr_bench",
            LearnerName = names[i % names.Length],
            IssuedAt = DateTimeOffset.UtcNow,
            ExpiresAt = DateTimeOffset.UtcNow.AddMonths(12),
        };

        (long Pdf, long Png) App(int i)
        {
            var certificate = CertificateFor(i);
            var rendered = CertificateRenderer.Render(new CertificateContent(
                certificate, design, logo, PublicBaseUrl + "/api/verify/" + certificate.Id, ScanLink.For(PublicBaseUrl, certificate.Id)));
            _ = SHA256.HashData(rendered.Pdf);
            return (rendered.Pdf.Length, rendered.Png.Length);
        }

        (long Pdf, long Png) Floor(int i) => FloorRender(CertificateFor(i), design, logo);

        // Warm-up, one unrecorded round: fonts loaded and code through the JIT's tiers on both sides.
        _ = Rate(App, seconds, out _);
        _ = Rate(Floor, seconds, out _);

        double bestApp = 0, bestFloor = 0;
        (long Pdf, long Png) appBytes = default, floorBytes = default;
        var ratios = new List<double>();
        Console.WriteLine($"One core (affinity 1), {seconds} s per run, {rounds} rounds of app and floor; names: {string.Join(", ", names)}.");
        Console.WriteLine();
        Console.WriteLine("| round | app renders/s (PDF + PNG) | floor renders/s (PDF + PNG) | app / floor |");
        Console.WriteLine("|---:|---:|---:|---:|");
        for (var round = 1; round <= rounds; round++)
        {
            var app = Rate(App, seconds, out appBytes);
            var floor = Rate(Floor, seconds, out floorBytes);
            bestApp = Math.Max(bestApp, app);
            bestFloor = Math.Max(bestFloor, floor);
            ratios.Add(app / floor);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | {app:F1} | {floor:F1} | {app / floor:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of rounds: app / floor {Stats.Median(ratios):F2}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"best: app {bestApp:F1}/s, floor {bestFloor:F1}/s, app / floor {bestApp / bestFloor:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"last sizes: app PDF {appBytes.Pdf / 1024.0:F1} KB, PNG {appBytes.Png / 1024.0:F1} KB; "
            + $"floor PDF {floorBytes.Pdf / 1024.0:F1} KB, PNG {floorBytes.Png / 1024.0:F1} KB"));
    }

    private static double Rate(Func<int, (long, long)> render, int seconds, out (long Pdf, long Png) lastSize)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        lastSize = default;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            lastSize = render(count++);
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>The floor: the same fonts, logo and strings at fixed points, drawn straight into a PDF page and into a PNG.</summary>
    private static (long Pdf, long Png) FloorRender(Certificate certificate, CertificateDesign design, byte[] logo)
    {
        void Draw(SKCanvas canvas)
        {
            using var image = SKImage.FromEncodedData(logo);
            canvas.DrawImage(image, SKRect.Create(389, 56, 64, 64), new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var serif = new SKFont(CertificateFonts.For(TextScript.Latin, TextStyle.SerifBold).Typeface, 34);
            using var sans = new SKFont(CertificateFonts.For(TextScript.Latin, TextStyle.Sans).Typeface, 14);
            using var small = new SKFont(CertificateFonts.For(TextScript.Latin, TextStyle.Sans).Typeface, 9);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(design.Heading, 200, 160, SKTextAlign.Left, serif, ink);
            canvas.DrawText("This certifies that", 360, 240, SKTextAlign.Left, sans, ink);
            canvas.DrawText(certificate.LearnerName, 200, 290, SKTextAlign.Left, serif, ink);
            var earned = $"has earned {certificate.CertificationTitle} on {CertificateWording.Date(certificate.IssuedAt)}.";
            canvas.DrawText(earned, 250, 330, SKTextAlign.Left, sans, ink);
            canvas.DrawText(design.SignatoryName!, 72, 500, SKTextAlign.Left, small, ink);
            canvas.DrawText(design.SignatoryTitle!, 72, 512, SKTextAlign.Left, small, ink);
            canvas.DrawText(certificate.OrganizationName, 360, 480, SKTextAlign.Left, small, ink);
            canvas.DrawText($"Issued {CertificateWording.Date(certificate.IssuedAt)}", 360, 492, SKTextAlign.Left, small, ink);
            canvas.DrawText($"Certificate {certificate.Id}", 300, 545, SKTextAlign.Left, small, ink);
        }

        using var pdf = new MemoryStream();
        using (var document = SKDocument.CreatePdf(pdf))
        {
            Draw(document.BeginPage(842, 595));
            document.EndPage();
            document.Close();
        }

        using var surface = SKSurface.Create(new SKImageInfo(842 * CertificateRenderer.PictureScale, 595 * CertificateRenderer.PictureScale));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(CertificateRenderer.PictureScale);
        Draw(surface.Canvas);
        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return (pdf.Length, png.Size);
    }
}
