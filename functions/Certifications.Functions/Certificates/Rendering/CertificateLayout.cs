using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using PdfSharp.Drawing;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>
/// Where everything goes on the page: heading, the body around the learner's name, and the footer with the
/// signatory, the dates and the QR code. Text is shrunk and wrapped to its width; <see cref="Fits"/> says whether the
/// body still fits between heading and footer at the smallest readable size.
/// </summary>
public sealed record CertificateLayout
{
    public const double Margin = 72;
    public const double QrSize = 80;
    private const double BodyLargest = 15;
    private const double BodySmallest = 9;

    public required double Width { get; init; }

    public required double Height { get; init; }

    public required double Top { get; init; }

    public required TextBlock Heading { get; init; }

    public required double HeadingTop { get; init; }

    public required TextBlock Before { get; init; }

    public required TextBlock Name { get; init; }

    public required TextBlock After { get; init; }

    public required double BodyTop { get; init; }

    public required double Gap { get; init; }

    public required double FooterTop { get; init; }

    public required TextBlock IdLine { get; init; }

    public required bool Fits { get; init; }

    public double ContentWidth => Width - 2 * Margin;

    public static (double Width, double Height) PageSize(Orientation orientation) =>
        orientation == Orientation.Portrait ? (595, 842) : (842, 595);

    public static CertificateLayout Plan(XGraphics measure, CertificateDesign design, Certificate certificate, bool hasLogo, string verifyUrl)
    {
        var (width, height) = PageSize(design.Orientation);
        var contentWidth = width - 2 * Margin;
        var portrait = design.Orientation == Orientation.Portrait;

        var top = portrait ? 80.0 : 56.0;
        var headingTop = top + (hasLogo ? LogoHeight(portrait) + 16 : 8);
        var heading = TextFitting.Fit(
            measure, CertificateWording.Fill(design.Heading, certificate), CertificateFonts.Serif, bold: true, 34, 20, contentWidth, maxLines: 1);
        if (heading.Lines.Count > 1)
        {
            heading = TextFitting.Fit(
                measure, CertificateWording.Fill(design.Heading, certificate), CertificateFonts.Serif, bold: true, 24, 14, contentWidth, maxLines: 2);
        }

        var footerTop = height - (portrait ? 190 : 150);
        var bodyTop = headingTop + heading.Height + 34;
        var available = footerTop - 16 - bodyTop;
        var (beforeText, afterText) = CertificateWording.SplitAtLearner(design.Body, certificate);
        var name = TextFitting.Fit(measure, certificate.LearnerName, CertificateFonts.Serif, bold: true, 40, 16, contentWidth, maxLines: 1);
        if (name.Lines.Count > 1)
        {
            name = TextFitting.Fit(measure, certificate.LearnerName, CertificateFonts.Serif, bold: true, 22, 14, contentWidth, maxLines: 2);
        }

        TextBlock before = TextBlock.Empty(name.Font), after = TextBlock.Empty(name.Font);
        var fits = false;
        for (var size = BodyLargest; size >= BodySmallest && !fits; size -= 1)
        {
            var font = TextFitting.Font(CertificateFonts.Sans, size);
            before = beforeText is null ? TextBlock.Empty(font) : new TextBlock(TextFitting.Wrap(measure, beforeText, font, contentWidth), font);
            after = new TextBlock(TextFitting.Wrap(measure, afterText, font, contentWidth), font);
            fits = BlockHeight(before, name, after, GapFor(size)) <= available;
        }

        var gap = GapFor(before.Font.Size);
        var block = BlockHeight(before, name, after, gap);
        var idLine = TextFitting.Fit(
            measure, $"Certificate {certificate.Id} · verify at {verifyUrl}", CertificateFonts.Sans, bold: false, 7.5, 5, contentWidth, maxLines: 1);

        return new CertificateLayout
        {
            Width = width,
            Height = height,
            Top = top,
            Heading = heading,
            HeadingTop = headingTop,
            Before = before,
            Name = name,
            After = after,
            BodyTop = bodyTop + Math.Max(0, (available - block) / 2),
            Gap = gap,
            FooterTop = footerTop,
            IdLine = idLine,
            Fits = fits,
        };
    }

    public static double LogoHeight(bool portrait) => portrait ? 80 : 64;

    private static double GapFor(double bodySize) => bodySize * 0.8;

    // As the page draws it: the text before the name (maybe none), the name, the text after, with a gap after the first two. The
    // name is drawn even when the body does not place it, so it always counts.
    private static double BlockHeight(TextBlock before, TextBlock name, TextBlock after, double gap) =>
        before.Height + gap + name.Height + gap + after.Height;
}
