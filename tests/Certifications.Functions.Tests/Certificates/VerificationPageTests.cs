using Certifications.Domain.Certificates;
using Certifications.Functions.Certificates;

namespace Certifications.Functions.Tests.Certificates;

public sealed class VerificationPageTests
{
    [Fact]
    public void Markup_in_a_name_is_shown_as_text_and_letters_of_every_script_stay_readable()
    {
        var certificate = CertificateRendererTests.Certificate(
            "<script>alert('x')</script> Łukasz") with
        { RevokedAt = DateTimeOffset.UtcNow, RevokedReason = "\"><img src=x>" };

        var page = VerificationPage.For(Verification.Of(certificate, DateTimeOffset.UtcNow));

        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("Łukasz", page, StringComparison.Ordinal);
        Assert.Contains("Revoked certificate", page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_certificate_says_so()
    {
        var certificate = CertificateRendererTests.Certificate("José Núñez");

        var page = VerificationPage.For(Verification.Of(certificate, certificate.ExpiresAt!.Value.AddDays(1)));

        Assert.Contains("Expired certificate", page, StringComparison.Ordinal);
        Assert.Equal(CertificateStatus.Expired, certificate.StatusAt(certificate.ExpiresAt!.Value));
    }

    [Fact]
    public void A_shared_link_previews_the_certificates_picture_and_title()
    {
        var certificate = CertificateRendererTests.Certificate("Zoë \"<b>\" Ångström");

        var page = VerificationPage.For(
            Verification.Of(certificate, DateTimeOffset.UtcNow), "https://api.example/api/verify/cer_1/picture", "https://api.example/api/verify/cer_1");

        Assert.Contains("<meta property=\"og:image\" content=\"https://api.example/api/verify/cer_1/picture\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:url\" content=\"https://api.example/api/verify/cer_1\">", page, StringComparison.Ordinal);
        Assert.Contains("og:title\" content=\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://api.example/api/verify/cer_1/picture\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_a_picture_shows_none_and_previews_as_a_summary()
    {
        var page = VerificationPage.For(Verification.Of(CertificateRendererTests.Certificate("José Núñez"), DateTimeOffset.UtcNow));

        Assert.DoesNotContain("og:image", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_says_what_was_earned_offers_the_pdf_and_runs_only_the_script_its_policy_names()
    {
        var certificate = CertificateRendererTests.Certificate("José Núñez") with { PdfSha256 = new string('a', 64) };

        var page = VerificationPage.For(
            Verification.Of(certificate, DateTimeOffset.UtcNow), pdfUrl: "https://certs.example/api/verify/cer_1/pdf",
            description: "Give feedback <b>that lands</b>.", criteria: ["Lire le guide", "<script>x</script>"]);

        Assert.Contains("<li>Lire le guide</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>&lt;script&gt;x&lt;/script&gt;</li>", page, StringComparison.Ordinal);
        Assert.Contains("Give feedback &lt;b&gt;that lands&lt;/b&gt;.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://certs.example/api/verify/cer_1/pdf\" download>Download the PDF</a>", page, StringComparison.Ordinal);

        // The one script is the file check, byte for byte what the policy's hash allows.
        var script = Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<script>(.*?)</script>"));
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script.Groups[1].Value)));
        Assert.Contains($"script-src 'sha256-{hash}'", Certifications.Functions.Http.SecurityHeaders.PagePolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("Download the PDF", VerificationPage.For(Verification.Of(certificate, DateTimeOffset.UtcNow)), StringComparison.Ordinal);
    }
}
