using System.Security.Cryptography;
using System.Text;
using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Functions.Certificates.Rendering;
using UglyToad.PdfPig;

namespace Certifications.Functions.Tests.Certificates;

public sealed class CertificatePdfTests
{
    private const string VerifyUrl = "http://localhost:7071/api/verify/cer_3v9pq4cz0x5gk2m7w8a1d6e4fh";
    private const string ScanUrl = "HTTP://LOCALHOST:7071/API/V/3V9PQ4CZ0X5GK2M7W8A1D6E4FH";

    [Theory]
    [InlineData("Zoë Ångström-Núñez")]
    [InlineData("José Núñez")]
    [InlineData("Łukasz Żółkiewski")]
    public void The_learner_name_with_accents_is_in_the_pdf_as_text(string learner)
    {
        var pdf = Render(Certificate(learner));

        var text = PdfReading.Text(pdf);
        Assert.Contains(learner, text, StringComparison.Ordinal);
        Assert.Contains("Giving Feedback", text, StringComparison.Ordinal);
        Assert.Contains("cer_3v9pq4cz0x5gk2m7w8a1d6e4fh", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("王小明")]
    [InlineData("山田 花子")]
    [InlineData("José 陈美")]
    [InlineData("김민준")]
    [InlineData("Lee 이서연")]
    public void Chinese_Japanese_and_Korean_names_are_drawn_in_a_font_that_has_them_and_stay_text(string learner)
    {
        var pdf = Render(Certificate(learner));

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        var cjk = letters.Where(l => l.Value.EnumerateRunes().Any(r => MixedText.ScriptOf(r) == TextScript.Cjk)).ToList();
        var hangul = letters.Where(l => l.Value.EnumerateRunes().Any(r => MixedText.ScriptOf(r) == TextScript.Hangul)).ToList();
        Assert.NotEmpty(cjk.Concat(hangul));
        Assert.All(cjk, l => Assert.Contains("Droid Sans Fallback", l.FontName, StringComparison.Ordinal));
        Assert.All(hangul, l => Assert.Contains("Nanum", l.FontName, StringComparison.Ordinal));
        Assert.All(letters.Where(l => l.Value.All(char.IsAsciiLetter)), l => Assert.Contains("DejaVu", l.FontName, StringComparison.Ordinal));
        Assert.Contains(learner.Replace(" ", string.Empty, StringComparison.Ordinal), PdfReading.Text(pdf).Replace(" ", string.Empty, StringComparison.Ordinal),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_keep_consecutive_characters_of_one_font_together_and_spaces_with_the_run_they_are_in()
    {
        Assert.Equal(
            [("Zoë ", TextScript.Default), ("王 小明 ", TextScript.Cjk), ("김 민준 ", TextScript.Hangul), ("& Co", TextScript.Default)],
            MixedText.Runs("Zoë 王 小明 김 민준 & Co"));
        Assert.Equal([("𠀀𠀁", TextScript.Cjk)], MixedText.Runs("𠀀𠀁"));
    }

    [Fact]
    public void It_is_one_page_with_every_font_embedded_and_under_100_kb()
    {
        var pdf = Render(Certificate("Zoë Ångström-Núñez"), logo: Logo());

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var fonts = document.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToArray();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Contains("DejaVu", f, StringComparison.Ordinal));
        Assert.DoesNotContain("Droid", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.DoesNotContain("Nanum", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.DoesNotContain("/Helvetica", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.Equal(fonts.Length, CountOf(Encoding.Latin1.GetString(pdf), "/FontFile2"));
        Assert.True(pdf.Length < 100 * 1024, $"{pdf.Length} bytes");
    }

    [Fact]
    public async Task Qpdf_finds_nothing_to_warn_about()
    {
        var path = Path.Combine(Path.GetTempPath(), $"certificate-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, Render(Certificate("Zoë Ångström-Núñez"), logo: Logo()));
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

    [Fact]
    public void The_qr_code_opens_the_verification_page()
    {
        var pdf = Render(Certificate("José Núñez"));

        Assert.Equal(ScanUrl, PdfReading.QrCode(pdf));
        Assert.Contains(VerifyUrl, PdfReading.Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_certificate_id_gives_a_qr_code_that_decodes()
    {
        // Every code the renderer draws must decode to its own certificate's address, whatever the id's characters
        // and whether the public address fits the capitals-only form (short or long host) or not (a path).
        string[] publicAddresses = ["https://certs.northwind.com", "https://northwind-certifications.azurewebsites.net", "https://northwind.com/Certs"];
        for (var i = 0; i < 24; i++)
        {
            var id = Domain.Certificates.Certificate.NewId();
            var scan = ScanLink.For(publicAddresses[i % publicAddresses.Length], id);
            using var output = new MemoryStream();
            CertificatePdf.Render(
                new CertificateContent(
                Certificate("José Núñez") with { Id = id }, Design(), null, $"https://certs.northwind.com/api/verify/{id}", scan), output);

            Assert.Equal(scan, PdfReading.QrCode(output.ToArray()));
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

        var pdf = Render(certificate, Design() with { Orientation = orientation });

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Equal(orientation == Orientation.Landscape, page.Width > page.Height);
        Assert.All(page.Letters, l =>
        {
            Assert.InRange(l.BoundingBox.Left, 28, page.Width - 28);
            Assert.InRange(l.BoundingBox.Right, 28, page.Width - 28);
        });
        var text = string.Concat(page.Letters.Select(l => l.Value));
        Assert.Contains("Wolfeschlegelsteinhausen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_certificate_renders_to_the_same_bytes()
    {
        var certificate = Certificate("Zoë Ångström-Núñez");

        Assert.Equal(SHA256.HashData(Render(certificate, logo: Logo())), SHA256.HashData(Render(certificate, logo: Logo())));
    }

    [Fact]
    public void The_design_colours_heading_and_signatory_are_used()
    {
        var pdf = Render(
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

        Assert.True(CertificatePdf.Fits(Design(), sample, hasLogo: true));
        Assert.True(CertificatePdf.Fits(Design() with { Body = manyLines[..200] }, sample, hasLogo: true));
        Assert.False(CertificatePdf.Fits(Design() with { Body = manyLines }, sample, hasLogo: true));
    }

    [Fact]
    public void A_body_without_the_learner_placeholder_that_fits_stays_above_the_footer_with_the_name_drawn_above_it()
    {
        // The name is drawn whether or not the body places it; the space it takes is counted either way.
        var sample = Certificate("Zoë Ångström-Núñez");
        var design = Enumerable.Range(1, 40).Reverse()
            .Select(n => Design() with { Body = "Awarded for " + string.Concat(Enumerable.Repeat("\nwith distinction", n)) })
            .First(d => CertificatePdf.Fits(d, sample, hasLogo: false));
        var footerTop = CertificateLayout.PageSize(design.Orientation).Height - 150;

        using var document = PdfDocument.Open(Render(sample, design));
        var page = document.GetPage(1);
        var lowestBodyLine = page.GetWords().Where(w => w.Text == "distinction").Min(w => w.BoundingBox.Bottom);
        Assert.True(page.Height - lowestBodyLine <= footerTop, $"the body reaches {page.Height - lowestBodyLine:F0} pt; the footer starts at {footerTop} pt");
    }

    internal static byte[] Render(Certificate certificate, CertificateDesign? design = null, byte[]? logo = null)
    {
        using var output = new MemoryStream();
        CertificatePdf.Render(new CertificateContent(certificate, design ?? Design(), logo, VerifyUrl, ScanUrl), output);
        return output.ToArray();
    }

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

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
