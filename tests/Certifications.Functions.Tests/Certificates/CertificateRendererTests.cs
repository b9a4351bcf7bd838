using System.Security.Cryptography;
using System.Text;
using Certifications.DevHost;
using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Functions.Certificates.Rendering;
using Certifications.Functions.Certificates.Rendering.Text;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Certifications.Functions.Tests.Certificates;

public sealed class CertificateRendererTests
{




    private const string VerifyUrl = "http://localhost:7071/api/verify/cer_3v9pq4cz0x5gk2m7w8a1d6e4fh";
    private const string ScanUrl = "HTTP://LOCALHOST:7071/API/V/3V9PQ4CZ0X5GK2M7W8A1D6E4FH";

    [Theory]
    [InlineData("Zoë Ångström-Núñez")]
    [InlineData("José Núñez")]
    [InlineData("Łukasz Żółkiewski")]
    public void The_learner_name_with_accents_is_in_the_pdf_as_text(string learner)
    {
        var pdf = Pdf(Certificate(learner));

        var text = PdfReading.Text(pdf);
        Assert.Contains(learner, text, StringComparison.Ordinal);
        Assert.Contains("Giving Feedback", text, StringComparison.Ordinal);
        Assert.Contains("cer_3v9pq4cz0x5gk2m7w8a1d6e4fh", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("فاطمة الزهراء", "Naskh")]
    [InlineData("נועה כהן", "Hebrew")]
    [InlineData("अनन्या क्षत्रिय", "Devanagari")]
    [InlineData("অনন্যা রায়", "Bengali")]
    [InlineData("அனன்யா சுப்ரமணியம்", "Tamil")]
    [InlineData("สมชาย ใจดี", "Thai")]
    [InlineData("王小明", "DroidSansFallback")]
    [InlineData("山田 花子", "DroidSansFallback")]
    [InlineData("김민준", "Nanum")]
    public void A_name_in_any_script_is_drawn_in_a_font_that_has_it_and_extracts_in_reading_order(string learner, string font)
    {
        var pdf = Pdf(Certificate(learner));

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        var own = letters.Where(l => l.Value.EnumerateRunes().Any(r => Rune.IsLetter(r) && TextScripts.Of(r) != TextScript.Latin)).ToList();
        Assert.NotEmpty(own);
        Assert.All(own, l => Assert.Contains(font, l.FontName, StringComparison.Ordinal));
        Assert.Contains(NoSpaces(learner), PdfReading.Letters(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_right_to_left_and_left_to_right_text_extracts_in_reading_order_and_draws_in_visual_order()
    {
        var design = Design() with { Language = "ar", Heading = "شهادة SAFe® 2026", Body = "{{learner}}" };

        var pdf = Pdf(Certificate("فاطمة الزهراء"), design);

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        Assert.Contains("شهادةSAFe®2026", PdfReading.Letters(pdf), StringComparison.Ordinal);

        // Right to left, the Arabic word stands right of the Latin title, and the title's letters read left to right.
        var arabic = letters.First(l => l.Value.Normalize(NormalizationForm.FormKC) == "ش");
        var s = letters.First(l => l.Value == "S");
        var e = letters.First(l => l.Value == "e");
        Assert.True(arabic.BoundingBox.Left > s.BoundingBox.Right, "the Arabic word is right of SAFe");
        Assert.True(e.BoundingBox.Left > s.BoundingBox.Left, "SAFe reads left to right");
    }

    [Fact]
    public async Task An_arabic_word_is_joined_and_a_devanagari_conjunct_formed_as_harfbuzz_shapes_them()
    {
        // The glyphs HarfBuzz's own command-line shaper gives for the word in the same font are the glyphs on the page.
        foreach (var (word, font) in new[] { ("فاطمة", "NotoNaskhArabic-Bold"), ("क्षत्रिय", "NotoSansDevanagari-Bold") })
        {
            var paragraph = ShapedParagraph.Shape(word, TextStyle.SerifBold, TextDirection.Auto, "und");
            var ours = paragraph.Runs.SelectMany(r => r.Glyphs.Select(g => (int)g.Id)).ToArray();

            var theirs = await HarfBuzzShaping.GlyphIdsAsync(FontPath(font), word);

            Assert.Equal(theirs, ours);
            var isolated = word.EnumerateRunes().Select(r => FontGlyph(font, r.Value)).ToArray();
            Assert.NotEqual(isolated, ours);
        }
    }

    [Theory]
    [InlineData("fr", "Délivré le 3 mars 2026", "Valable jusqu’au 3 mars 2028")]
    [InlineData("de", "Ausgestellt am 3. März 2026", "Gültig bis 3. März 2028")]
    [InlineData("es", "Emitido el 3 de marzo de 2026", "Válido hasta el 3 de marzo de 2028")]
    [InlineData("ja", "発行日 2026年3月3日", "有効期限 2028年3月3日")]
    [InlineData("ar", "صدرت في 3 مارس 2026", "صالحة حتى 3 مارس 2028")]
    public void The_certificates_own_words_and_dates_are_in_the_designs_language(string language, string issued, string validUntil)
    {
        var pdf = Pdf(Certificate("José Núñez"), CertificateDesign.DefaultIn(language) with { SignatoryName = "Dana Whitfield" });

        var text = PdfReading.Letters(pdf);
        Assert.Contains(NoSpaces(issued), text, StringComparison.Ordinal);
        Assert.Contains(NoSpaces(validUntil), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Issued", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_right_to_left_design_is_mirrored_the_signatory_on_the_right_and_the_qr_code_on_the_left()
    {
        var design = CertificateDesign.DefaultIn("ar") with { SignatoryName = "Dana Whitfield" };

        var rendered = Render(Certificate("فاطمة الزهراء"), design);

        using var document = PdfDocument.Open(rendered.Pdf);
        var page = document.GetPage(1);
        Assert.True(page.Letters.First(l => l.Value == "W").BoundingBox.Left > page.Width / 2, "the signatory is on the right");
        var layout = CertificateLayout.Plan(design, Certificate("فاطمة الزهراء"), hasLogo: false, VerifyUrl);
        Assert.True(layout.QrLeft < page.Width / 2);
        Assert.Equal(ScanUrl, PdfReading.QrCode(rendered.Png, layout));
    }

    [Fact]
    public void A_latin_certificate_is_one_page_with_only_its_own_fonts_subset_and_embedded()
    {
        var pdf = Pdf(Certificate("Zoë Ångström-Núñez"), logo: Logo());

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var fonts = document.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToArray();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+DejaVu", f));
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.DoesNotContain("Noto", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Droid", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("/Helvetica", raw, StringComparison.Ordinal);
        Assert.True(pdf.Length < 100 * 1024, $"{pdf.Length} bytes");
    }

    [Theory]
    [InlineData("en", "Zoë Ångström-Núñez")]
    [InlineData("ar", "فاطمة الزهراء")]
    [InlineData("he", "נועה כהן")]
    [InlineData("hi", "अनन्या क्षत्रिय")]
    [InlineData("th", "สมชาย ใจดี")]
    [InlineData("zh-Hans", "王小明")]
    [InlineData("ko", "김민준")]
    public async Task Qpdf_finds_nothing_to_warn_about(string language, string learner)
    {
        var path = Path.Combine(Path.GetTempPath(), $"certificate-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, Pdf(Certificate(learner), CertificateDesign.DefaultIn(language), logo: Logo()));
        try
        {
            var (exitCode, output) = await PdfReading.QpdfCheckAsync(path);

            Assert.True(exitCode == 0 && !output.Contains("WARNING", StringComparison.OrdinalIgnoreCase), output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("en", "Zoë Ångström-Núñez", Orientation.Landscape)]
    [InlineData("ar", "فاطمة الزهراء", Orientation.Portrait)]
    [InlineData("hi", "अनन्या क्षत्रिय", Orientation.Landscape)]
    public async Task The_picture_is_the_pdf_as_a_pdf_viewer_draws_it(string language, string learner, Orientation orientation)
    {
        var rendered = Render(Certificate(learner), CertificateDesign.DefaultIn(language) with { Orientation = orientation }, Logo());

        var viewer = await PdfReading.RasterizeAsync(rendered.Pdf, dpi: 72 * CertificateRenderer.PictureScale);

        using var picture = SKBitmap.Decode(rendered.Png);
        using var drawn = SKBitmap.Decode(viewer);
        Assert.Equal((drawn.Width, drawn.Height), (picture.Width, picture.Height));
        var difference = PdfReading.MeanDifference(picture, drawn);
        Assert.True(difference < 3, $"mean difference per channel {difference:F2} of 255");
    }

    [Fact]
    public async Task The_qr_code_opens_the_verification_page_in_the_pdf_and_in_the_picture()
    {
        var rendered = Render(Certificate("José Núñez"));
        var layout = CertificateLayout.Plan(Design(), Certificate("José Núñez"), hasLogo: false, VerifyUrl);

        Assert.Equal(ScanUrl, PdfReading.QrCode(rendered.Png, layout));
        Assert.Equal(ScanUrl, PdfReading.QrCode(await PdfReading.RasterizeAsync(rendered.Pdf, 72 * CertificateRenderer.PictureScale), layout));
        Assert.Contains(VerifyUrl, PdfReading.Text(rendered.Pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_certificate_id_gives_a_qr_code_that_decodes()
    {
        // Every code the renderer draws must decode to its own certificate's address, whatever the id's characters
        // and whether the public address fits the capitals-only form (short or long host) or not (a path). The first ids
        // drew codes of 4- and 5-pixel modules in the picture that ZXing could not read (6 in 4,000) before modules were
        // put on whole pixels.
        string[] publicAddresses = ["https://certs.northwind.com", "https://northwind-certifications.azurewebsites.net", "https://northwind.com/Certs"];
        string[] once =
        [
            "cer_2vaw95dpsfj2szxcxptaev0ax8", "cer_4ejchna652zmvxe1b99wr7vt38", "cer_42p5men84ze98832hgjyyxphaq",
            "cer_2vq1kqnfcz55vzzst8wd09xq7y", "cer_2ynthv26gxqz7qm55gkegeb6fe", "cer_385zem1dbccjzfahpew99kgxd8",
        ];
        var layout = CertificateLayout.Plan(Design(), Certificate("José Núñez"), hasLogo: false, VerifyUrl);
        for (var i = 0; i < 30; i++)
        {
            var id = i < once.Length ? once[i] : Domain.Certificates.Certificate.NewId();
            var scan = ScanLink.For(publicAddresses[i < once.Length ? 0 : i % publicAddresses.Length], id);
            var rendered = CertificateRenderer.Render(
                new CertificateContent(Certificate("José Núñez") with { Id = id }, Design(), null, $"https://certs.northwind.com/api/verify/{id}", scan));

            Assert.True(scan == PdfReading.QrCode(rendered.Png, layout), $"The code of {id} ({scan}) does not decode.");
        }
    }

    [Theory]
    [InlineData(Orientation.Landscape)]
    [InlineData(Orientation.Portrait)]
    public void A_long_name_and_title_shrink_to_stay_on_the_page(Orientation orientation)
    {
        var certificate = Certificate("Maximiliana Alexandrina Konstantinopoulou-Wolfeschlegelsteinhausen von Bergen") with
        {
            CertificationTitle = "Advanced Interdisciplinary Stakeholder Communication and Conflict De-escalation Practice",
        };

        var pdf = Pdf(certificate, Design() with { Orientation = orientation });

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Equal(orientation == Orientation.Landscape, page.Width > page.Height);
        Assert.All(page.Letters.Where(l => l.Value != " "), l =>
        {
            Assert.InRange(l.BoundingBox.Left, 28, page.Width - 28);
            Assert.InRange(l.BoundingBox.Right, 28, page.Width - 28);
        });
        var text = string.Concat(page.Letters.Select(l => l.Value));
        Assert.Contains("Wolfeschlegelsteinhausen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thai_title_with_no_spaces_wraps_between_words_not_off_the_page()
    {
        var certificate = Certificate("สมชาย ใจดี") with { CertificationTitle = string.Concat(Enumerable.Repeat("การสื่อสารอย่างมีประสิทธิภาพ", 6)) };

        var pdf = Pdf(certificate, CertificateDesign.DefaultIn("th"));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.All(page.Letters.Where(l => l.Value != " "), l => Assert.InRange(l.BoundingBox.Right, 28, page.Width - 28));
    }

    [Fact]
    public void The_same_certificate_renders_to_the_same_bytes()
    {
        var certificate = Certificate("Zoë Ångström-Núñez");

        var first = Render(certificate, logo: Logo());
        var second = Render(certificate, logo: Logo());

        Assert.Equal(SHA256.HashData(first.Pdf), SHA256.HashData(second.Pdf));
        Assert.Equal(SHA256.HashData(first.Png), SHA256.HashData(second.Png));
    }

    [Fact]
    public void The_design_colours_heading_and_signatory_are_used()
    {
        var pdf = Pdf(
            Certificate(
            "José Núñez"), Design() with { Heading = "Certificate of Excellence", SignatoryName = "Dana Whitfield", SignatoryTitle = "Head of Learning" });

        var text = PdfReading.Text(pdf);
        Assert.Contains("Certificate of Excellence", text, StringComparison.Ordinal);
        Assert.Contains("Dana Whitfield", text, StringComparison.Ordinal);
        Assert.Contains("Head of Learning", text, StringComparison.Ordinal);
        Assert.Contains("Issued 3 March 2026", text, StringComparison.Ordinal);
        Assert.Contains("Valid until 3 March 2028", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_too_long_for_the_page_does_not_fit_and_a_normal_one_does()
    {
        var sample = Certificate("Zoë Ångström-Núñez");
        var manyLines = "This certifies that {{learner}} has earned {{certification}}." + string.Concat(Enumerable.Repeat("\nwith distinction", 30));

        Assert.True(CertificateRenderer.Fits(Design(), sample, hasLogo: true));
        Assert.True(CertificateRenderer.Fits(Design() with { Body = manyLines[..200] }, sample, hasLogo: true));
        Assert.False(CertificateRenderer.Fits(Design() with { Body = manyLines }, sample, hasLogo: true));
    }

    [Fact]
    public void A_body_without_the_learner_placeholder_that_fits_stays_above_the_footer_with_the_name_drawn_above_it()
    {
        // The name is drawn whether or not the body places it; the space it takes is counted either way.
        var sample = Certificate("Zoë Ångström-Núñez");
        var design = Enumerable.Range(1, 40).Reverse()
            .Select(n => Design() with { Body = "Awarded for " + string.Concat(Enumerable.Repeat("\nwith distinction", n)) })
            .First(d => CertificateRenderer.Fits(d, sample, hasLogo: false));
        var footerTop = CertificateLayout.PageSize(design.Orientation).Height - 150;

        using var document = PdfDocument.Open(Pdf(sample, design));
        var page = document.GetPage(1);
        var lowestBodyLine = page.GetWords().Where(w => w.Text == "distinction").Min(w => w.BoundingBox.Bottom);
        Assert.True(page.Height - lowestBodyLine <= footerTop, $"the body reaches {page.Height - lowestBodyLine:F0} pt; the footer starts at {footerTop} pt");
    }

    [Fact]
    public void The_organizations_heading_font_sets_the_heading_and_the_name_and_other_scripts_fall_back_to_the_bundled_fonts()
    {
        var brand = File.ReadAllBytes(FontPath("DejaVuSans"));
        var certificate = Certificate("Zoë अनन्या");

        var pdf = CertificateRenderer.Render(new CertificateContent(certificate, Design(), null, VerifyUrl, ScanUrl, brand)).Pdf;

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        // "A" stands only in the heading, "Z" only in the name; the name's Devanagari has no glyph in the brand font.
        var headingAndName = letters.Where(l => l.Value is "A" or "Z").ToList();
        Assert.Equal(2, headingAndName.Count);
        Assert.All(headingAndName, l => Assert.Contains("DejaVuSans", l.FontName ?? string.Empty, StringComparison.Ordinal));
        Assert.Contains(letters, l => (l.FontName ?? string.Empty).Contains("NotoSansDevanagari-Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void A_font_licensed_for_display_only_or_one_that_is_no_font_is_refused_and_a_usable_one_is_taken()
    {
        var usable = File.ReadAllBytes(FontPath("DejaVuSans"));
        var restricted = WithFsType(usable, 0x0002);

        Assert.True(HeadingFonts.Check(new FontFile(usable), "headingFont").IsSuccess);
        Assert.Contains("embedding", HeadingFonts.Check(new FontFile(restricted), "headingFont").Error!.Detail ?? string.Empty, StringComparison.Ordinal);
        Assert.False(HeadingFonts.Check(new FontFile([0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]), "headingFont").IsSuccess);
    }

    /// <summary>A copy of a font with its OS/2 table's fsType (embedding permissions) set, found through the table directory.</summary>
    private static byte[] WithFsType(byte[] font, ushort fsType)
    {
        var copy = (byte[])font.Clone();
        var tables = (copy[4] << 8) | copy[5];
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (16 * i);
            if (Encoding.ASCII.GetString(copy, record, 4) == "OS/2")
            {
                var offset = (copy[record + 8] << 24) | (copy[record + 9] << 16) | (copy[record + 10] << 8) | copy[record + 11];
                copy[offset + 8] = (byte)(fsType >> 8);
                copy[offset + 9] = (byte)fsType;
                return copy;
            }
        }

        throw new InvalidOperationException("The font has no OS/2 table.");
    }

    internal static RenderedCertificate Render(Certificate certificate, CertificateDesign? design = null, byte[]? logo = null) =>
        CertificateRenderer.Render(new CertificateContent(certificate, design ?? Design(), logo, VerifyUrl, ScanUrl));

    internal static byte[] Pdf(Certificate certificate, CertificateDesign? design = null, byte[]? logo = null) => Render(certificate, design, logo).Pdf;

    internal static Certificate Certificate(string learner) => new()
    {
        Id = "cer_3v9pq4cz0x5gk2m7w8a1d6e4fh",
        OrganizationId = "org_test",
        OrganizationName = "Northwind Traders",
        EnrollmentId = "enr_test",
        CertificationId = "crt_test",
        CertificationTitle = "Giving Feedback",
        LearnerId = "usr_test",
        LearnerName = learner,
        IssuedAt = new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero),
        ExpiresAt = new DateTimeOffset(2028, 3, 3, 10, 0, 0, TimeSpan.Zero),
    };

    internal static CertificateDesign Design() => CertificateDesign.Default with { SignatoryName = "Dana Whitfield", SignatoryTitle = "Head of Learning" };

    internal static byte[] Logo() => Certifications.DevHost.Demo.DemoLogo.Png();

    private static string NoSpaces(string text) => PdfReading.NoSpaces(text);

    private static string FontPath(string name) =>
        Path.Combine(RepositoryRoot.Find(), "functions", "Certifications.Functions", "Certificates", "Rendering", "Fonts", name + ".ttf");

    private static int FontGlyph(string font, int codepoint)
    {
        using var blob = HarfBuzzSharp.Blob.FromFile(FontPath(font));
        using var face = new HarfBuzzSharp.Face(blob, 0);
        using var hb = new HarfBuzzSharp.Font(face);
        return hb.TryGetGlyph((uint)codepoint, out var glyph) ? (int)glyph : 0;
    }
}
