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
}
