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
}
