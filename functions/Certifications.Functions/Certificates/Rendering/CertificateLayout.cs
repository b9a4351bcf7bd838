using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Domain.Languages;
using Certifications.Functions.Certificates.Rendering.Text;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>
/// Where everything goes on the page, in the design's language and direction: heading, the body around the learner's name,
/// and the footer with the signatory, the issuer and dates, and the QR code. Text is shaped, shrunk and wrapped to its width;
/// <see cref="Fits"/> says whether the body still fits between heading and footer at the smallest readable size. Right to
/// left, the footer is mirrored: the signatory on the right, the QR code on the left.
/// </summary>
public sealed record CertificateLayout
{
    public const double Margin = 72;
    public const double QrSize = 80;
    private const double BodyLargest = 15;
    private const double BodySmallest = 9;

    public required double Width { get; init; }

    public required double Height { get; init; }

    public required bool RightToLeft { get; init; }

    public required double Top { get; init; }

    public required TextBlock Heading { get; init; }

    public required double HeadingTop { get; init; }

    public required TextBlock Before { get; init; }

    public required TextBlock Name { get; init; }

    public required TextBlock After { get; init; }

    public required double BodyTop { get; init; }

    public required double Gap { get; init; }

    public required double FooterTop { get; init; }

    public required TextBlock? Signatory { get; init; }

    public required TextBlock? SignatoryTitle { get; init; }

    public required TextBlock Issuer { get; init; }

    public required TextBlock Facts { get; init; }

    public required TextBlock ScanLabel { get; init; }

    public required TextBlock IdLine { get; init; }

    public required bool Fits { get; init; }

    public double ContentWidth => Width - 2 * Margin;

    /// <summary>Every line of text on the page.</summary>
    public IEnumerable<TextLine> Lines =>
        new[] { Heading, Before, Name, After, Signatory, SignatoryTitle, Issuer, Facts, ScanLabel, IdLine }.OfType<TextBlock>().SelectMany(b => b.Lines);

    /// <summary>The width of each of the footer's two text columns (signatory, issuer), the QR code taking the rest.</summary>
    public double FooterColumn => ColumnIn(ContentWidth);

    /// <summary>The signatory's column: the reading side's start (left, or right when right to left).</summary>
    public double SignatoryLeft => RightToLeft ? Width - Margin - FooterColumn : Margin;

    public double IssuerLeft => RightToLeft ? Width - Margin - (2 * FooterColumn) : Margin + FooterColumn;

    /// <summary>The QR code at the reading side's end.</summary>
    public double QrLeft => RightToLeft ? Margin : Width - Margin - QrSize;

    public static (double Width, double Height) PageSize(Orientation orientation) =>
        orientation == Orientation.Portrait ? (595, 842) : (842, 595);

    public static CertificateLayout Plan(CertificateDesign design, Certificate certificate, bool hasLogo, string verifyUrl, FontFace? headingFont = null)
    {
        var language = design.Language;
        var text = new TextSetter(design.IsRightToLeft ? TextDirection.RightToLeft : TextDirection.LeftToRight, language, headingFont);
        var (width, height) = PageSize(design.Orientation);
        var contentWidth = width - 2 * Margin;
        var portrait = design.Orientation == Orientation.Portrait;

        var top = portrait ? 80.0 : 56.0;
        var headingTop = top + (hasLogo ? LogoHeight(portrait) + 16 : 8);
        var headingText = CertificateWording.Fill(design.Heading, certificate, language);
        var heading = text.Fit(headingText, TextStyle.Heading, 34, 20, contentWidth, maxLines: 1);
        if (heading.Lines.Count > 1)
        {
            heading = text.Fit(headingText, TextStyle.Heading, 24, 14, contentWidth, maxLines: 2);
        }

        var footerTop = height - (portrait ? 190 : 150);
        var bodyTop = headingTop + heading.Height + 34;
        var available = footerTop - 16 - bodyTop;
        var (beforeText, afterText) = CertificateWording.SplitAtLearner(design.Body, certificate, language);
        var name = text.Fit(certificate.LearnerName, TextStyle.Heading, 40, 16, contentWidth, maxLines: 1);
        if (name.Lines.Count > 1)
        {
            name = text.Fit(certificate.LearnerName, TextStyle.Heading, 22, 14, contentWidth, maxLines: 2);
        }

        TextBlock before = TextBlock.Empty(BodyLargest), after = TextBlock.Empty(BodyLargest);
        var fits = false;
        for (var size = BodyLargest; size >= BodySmallest && !fits; size -= 1)
        {
            before = beforeText is null ? TextBlock.Empty(size) : text.Set(beforeText, TextStyle.Sans, size, contentWidth);
            after = text.Set(afterText, TextStyle.Sans, size, contentWidth);
            fits = BlockHeight(before, name, after, GapFor(size)) <= available;
        }

        var gap = GapFor(before.Size);
        var block = BlockHeight(before, name, after, gap);
        var column = ColumnIn(contentWidth);
        var facts = CertificateWords.Format(CertificateWords.Issued, language, CertificateWording.Date(certificate.IssuedAt, language));
        if (certificate.ExpiresAt is { } expires)
        {
            facts += "\n" + CertificateWords.Format(CertificateWords.ValidUntil, language, CertificateWording.Date(expires, language));
        }

        return new CertificateLayout
        {
            Width = width,
            Height = height,
            RightToLeft = design.IsRightToLeft,
            Top = top,
            Heading = heading,
            HeadingTop = headingTop,
            Before = before,
            Name = name,
            After = after,
            BodyTop = bodyTop + Math.Max(0, (available - block) / 2),
            Gap = gap,
            FooterTop = footerTop,
            Signatory = design.SignatoryName is { } signatory ? text.Fit(signatory, TextStyle.SerifBold, 13, 8, column - 30, maxLines: 1) : null,
            SignatoryTitle = design.SignatoryName is not null && design.SignatoryTitle is { } title
                ? text.Fit(title, TextStyle.Sans, 10, 7, column - 30, maxLines: 2)
                : null,
            Issuer = text.Fit(certificate.OrganizationName, TextStyle.SerifBold, 13, 8, column, maxLines: 1),
            Facts = text.Fit(facts, TextStyle.Sans, 10, 7, column, maxLines: 2),
            ScanLabel = text.Fit(CertificateWords.Get(CertificateWords.ScanToVerify, language), TextStyle.Sans, 7, 5, QrSize + 20, maxLines: 2),
            IdLine = text.Fit(
                CertificateWords.Format(CertificateWords.IdLine, language, certificate.Id, verifyUrl), TextStyle.Sans, 7.5, 5, contentWidth, maxLines: 1),
            Fits = fits,
        };
    }

    public static double LogoHeight(bool portrait) => portrait ? 80 : 64;

    private static double ColumnIn(double contentWidth) => (contentWidth - QrSize - 20) / 2;

    private static double GapFor(double bodySize) => bodySize * 0.8;

    // As the page draws it: the text before the name (maybe none), the name, the text after, with a gap after the first two. The
    // name is drawn even when the body does not place it, so it always counts.
    private static double BlockHeight(TextBlock before, TextBlock name, TextBlock after, double gap) =>
        before.Height + gap + name.Height + gap + after.Height;
}
