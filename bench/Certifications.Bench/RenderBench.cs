using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Certifications.DevHost.Demo;
using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Functions.Certificates.Rendering;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Certifications.Bench;

/// <summary>
/// Certificates rendered per second on one core, side by side with the floor: PDFsharp writing one page with the
/// same fonts, the same logo and the same strings at fixed places, with no measuring, wrapping, shrinking or QR code.
/// Runs alternate (app, floor, floor + QR, app, ...) in short rounds so all three see the same machine: this one is a
/// shared virtual machine whose speed drifts by a factor of two within a minute, so the figure that counts is the
/// median over rounds of each round's own ratio, with the best run of each beside it.
/// </summary>
internal static class RenderBench
{
    /// <summary>The public address the QR code is made from; its host's length decides the code's size (see ScanLink).</summary>
    public static string PublicBaseUrl { get; set; } = "https://certs.northwind.com";

    public static void Run(int seconds, int rounds)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        var logo = DemoLogo.Png();
        var design = CertificateDesign.Default with { LogoBlob = "logo", SignatoryName = "Ada Admin", SignatoryTitle = "Head of Learning, Northwind Traders" };
        var names = new[]
        {
            "Zoë Ångström-Núñez", "José Núñez", "Łukasz Żółkiewski", "Maximiliana Alexandrina Konstantinopoulou-Wolfeschlegelsteinhausen",
        };
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

        long appBytes = 0, floorBytes = 0;
        byte[] App(int i)
        {
            var certificate = CertificateFor(i);
            using var output = new MemoryStream();
            CertificatePdf.Render(
                new CertificateContent(
                certificate, design, logo, PublicBaseUrl + "/api/verify/" + certificate.Id, ScanLink.For(PublicBaseUrl, certificate.Id)), output);
            var pdf = output.ToArray();
            _ = SHA256.HashData(pdf);
            return pdf;
        }

        byte[] Floor(int i) => FloorPdf(CertificateFor(i), design, logo, withQr: false);
        byte[] FloorQr(int i) => FloorPdf(CertificateFor(i), design, logo, withQr: true);

        // Warm-up, one unrecorded round: fonts parsed and code through the JIT's tiers on all three sides (the
        // app has more code to promote, so a short warm-up left its first round a third slow).
        _ = Rate(App, seconds, out appBytes);
        _ = Rate(Floor, seconds, out floorBytes);
        _ = Rate(FloorQr, seconds, out _);

        double bestApp = 0, bestFloor = 0, bestFloorQr = 0;
        var ratios = new List<double>();
        var ratiosQr = new List<double>();
        var sample = ScanLink.For(PublicBaseUrl, Certificate.NewId());
        Console.WriteLine(
            $"One core (affinity 1), {seconds} s per run, {rounds} rounds of app, floor, floor with the QR code; floor deflate {FloorCompression}.");
        Console.WriteLine($"QR code holds e.g. {sample} ({sample.Length} characters).");
        Console.WriteLine();
        Console.WriteLine("| round | app renders/s | floor renders/s | floor + QR renders/s | app / floor | app / floor + QR |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        for (var round = 1; round <= rounds; round++)
        {
            var app = Rate(App, seconds, out appBytes);
            var floor = Rate(Floor, seconds, out floorBytes);
            var floorQr = Rate(FloorQr, seconds, out _);
            bestApp = Math.Max(bestApp, app);
            bestFloor = Math.Max(bestFloor, floor);
            bestFloorQr = Math.Max(bestFloorQr, floorQr);
            ratios.Add(app / floor);
            ratiosQr.Add(app / floorQr);
            Console.WriteLine(
                string.Create(CultureInfo.InvariantCulture, $"| {round} | {app:F1} | {floor:F1} | {floorQr:F1} | {app / floor:F2} | {app / floorQr:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of rounds: app / floor {Stats.Median(ratios):F2}, app / floor + QR {Stats.Median(ratiosQr):F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best: app {bestApp:F1}/s, floor {bestFloor:F1}/s, floor + QR {bestFloorQr:F1}/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best: app / floor {bestApp / bestFloor:F2}, app / floor + QR {bestApp / bestFloorQr:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PDF size: app {appBytes / 1024.0:F1} KB, floor {floorBytes / 1024.0:F1} KB"));
    }

    /// <summary>The floor's deflate setting: the app's (BestSpeed) by default, PDFsharp's default with --floor-default-compression.</summary>
    public static PdfFlateEncodeMode FloorCompression { get; set; } = PdfFlateEncodeMode.BestSpeed;

    private static double Rate(Func<int, byte[]> render, int seconds, out long lastSize)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        lastSize = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            lastSize = render(count++).Length;
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>The floor: the same fonts, logo and strings, drawn at fixed points; optionally the same QR code too.</summary>
    private static byte[] FloorPdf(Certificate certificate, CertificateDesign design, byte[] logo, bool withQr)
    {
        CertificateFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Options.FlateEncodeMode = FloorCompression;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(842);
        page.Height = XUnit.FromPoint(595);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            using (var stream = new MemoryStream(logo, writable: false))
            using (var image = XImage.FromStream(stream))
            {
                gfx.DrawImage(image, 389, 56, 64, 64);
            }

            var serif = TextFitting.Font(CertificateFonts.Serif, 34, bold: true);
            var sans = TextFitting.Font(CertificateFonts.Sans, 14);
            var small = TextFitting.Font(CertificateFonts.Sans, 9);
            gfx.DrawString(design.Heading, serif, XBrushes.Black, 200, 160);
            gfx.DrawString("This certifies that", sans, XBrushes.Black, 360, 240);
            gfx.DrawString(certificate.LearnerName, serif, XBrushes.Black, 200, 290);
            gfx.DrawString($"has earned {certificate.CertificationTitle} on {CertificateWording.Date(certificate.IssuedAt)}.", sans, XBrushes.Black, 250, 330);
            gfx.DrawString(design.SignatoryName!, small, XBrushes.Black, 72, 500);
            gfx.DrawString(design.SignatoryTitle!, small, XBrushes.Black, 72, 512);
            gfx.DrawString(certificate.OrganizationName, small, XBrushes.Black, 360, 480);
            gfx.DrawString($"Issued {CertificateWording.Date(certificate.IssuedAt)}", small, XBrushes.Black, 360, 492);
            gfx.DrawString($"Certificate {certificate.Id}", small, XBrushes.Black, 300, 545);
            if (withQr)
            {
                using var data = QRCoder.QRCodeGenerator.GenerateQrCode(ScanLink.For(PublicBaseUrl, certificate.Id), QRCoder.QRCodeGenerator.ECCLevel.M);
                using var bitmap = new MemoryStream(new QRCoder.BitmapByteQRCode(data).GetGraphic(1), writable: false);
                using var qr = XImage.FromStream(bitmap);
                gfx.DrawImage(qr, 690, 445, 80, 80);
            }
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
