using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.Progress;

namespace Certifications.Domain.Tests;

public class RecertificationTests
{
    [Fact]
    public void A_valid_certificate_cannot_be_renewed_until_30_days_before_it_expires()
    {
        var (enrollment, certification, certificate) = Earned();

        Assert.Equal(ErrorKind.Conflict, Recertification.Start(enrollment, certification, certificate, certificate.ExpiresAt!.Value.AddDays(-31)).Error!.Kind);
        Assert.True(Recertification.Start(enrollment, certification, certificate, certificate.ExpiresAt!.Value.AddDays(-30)).IsSuccess);
        Assert.True(Recertification.Start(enrollment, certification, certificate, certificate.ExpiresAt!.Value.AddDays(1)).IsSuccess);
    }

    [Fact]
    public void After_a_revocation_every_criterion_is_to_do_again_and_the_revoked_id_is_let_go()
    {
        var (enrollment, certification, certificate) = Earned();
        var revoked = certificate with { RevokedAt = Build.Now };

        var renewed = Recertification.Start(enrollment, certification, revoked, Build.Now.AddDays(1)).Value.Enrollment;

        Assert.Equal(EnrollmentStatus.Started, renewed.Status);
        Assert.Null(renewed.CertificateId);
        Assert.All(renewed.Criteria, c => Assert.Equal(CriterionState.NotStarted, c.State));
        Assert.Null(renewed.EarnedAt);
    }

    [Fact]
    public void An_expiring_certificate_is_renewed_under_the_same_id()
    {
        var (enrollment, certification, certificate) = Earned();

        var renewed = Recertification.Start(enrollment, certification, certificate, certificate.ExpiresAt!.Value.AddDays(-10)).Value.Enrollment;

        Assert.Equal("cer_renew", renewed.CertificateId);
    }

    [Fact]
    public void Nothing_to_renew_before_earning_or_without_expiry()
    {
        var (enrollment, certification, certificate) = Earned();

        Assert.Equal(ErrorKind.Conflict, Recertification.Start(enrollment with { EarnedAt = null }, certification, null, Build.Now).Error!.Kind);
        Assert.Equal(
            ErrorKind.Conflict, Recertification.Start(enrollment, certification, certificate with { ExpiresAt = null }, Build.Now.AddYears(5)).Error!.Kind);
    }

    private static (Enrollment, Certification, Certificate) Earned()
    {
        var certification = Build.Certification() with { ValidityMonths = 12, Criteria = [Build.Criterion()] };
        var enrollment = Build.Enrollment(certification).WithStates(CriterionState.Met) with { EarnedAt = Build.Now, CertificateId = "cer_renew" };
        var certificate = CertificateRulesTests.Certificate() with
        {
            Id = "cer_renew",
            IssuedAt = Build.Now,
            ExpiresAt = Build.Now.AddMonths(12),
            RevokedAt = null
        };
        return (enrollment, certification, certificate);
    }
}
