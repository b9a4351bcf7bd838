using Certifications.Domain.Certificates;
using Certifications.Domain.Common;

namespace Certifications.Domain.Tests;

public class CertificateRulesTests
{
    private static readonly DateTimeOffset Issued = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expires = Issued.AddMonths(12);

    [Fact]
    public void A_certificate_is_valid_until_the_moment_it_expires()
    {
        var certificate = Certificate();

        Assert.Equal(CertificateStatus.Valid, certificate.StatusAt(Expires.AddTicks(-1)));
        Assert.Equal(CertificateStatus.Expired, certificate.StatusAt(Expires));
        Assert.Equal(CertificateStatus.Valid, (certificate with { ExpiresAt = null }).StatusAt(Expires.AddYears(50)));
    }

    [Fact]
    public void Revocation_wins_over_expiry_and_records_who_when_and_why()
    {
        var revoked = CertificateRules.Revoke(Certificate(), "  Issued by mistake  ", "usr_admin", "Ada Admin", Issued.AddDays(3)).Value;

        Assert.Equal(CertificateStatus.Revoked, revoked.StatusAt(Expires.AddDays(1)));
        Assert.Equal(
            ("Issued by mistake", "usr_admin", "Ada Admin", Issued.AddDays(3)),
            (revoked.RevokedReason, revoked.RevokedById, revoked.RevokedBy, revoked.RevokedAt!.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_revocation_needs_a_reason(string? reason)
    {
        var refused = CertificateRules.Revoke(Certificate(), reason, "usr_admin", "Ada Admin", Issued);

        Assert.Equal(ErrorKind.Invalid, refused.Error!.Kind);
        Assert.True(refused.Error.Fields!.ContainsKey("reason"));
    }

    [Fact]
    public void A_reason_longer_than_500_characters_is_refused()
    {
        Assert.Equal(ErrorKind.Invalid, CertificateRules.Revoke(Certificate(), new string('x', 501), "usr_admin", "Ada Admin", Issued).Error!.Kind);
        Assert.True(CertificateRules.Revoke(Certificate(), new string('x', 500), "usr_admin", "Ada Admin", Issued).IsSuccess);
    }

    [Fact]
    public void Revoking_twice_is_a_conflict_and_reinstating_a_valid_one_too()
    {
        var revoked = CertificateRules.Revoke(Certificate(), "wrong cohort", "usr_admin", "Ada Admin", Issued).Value;

        Assert.Equal(ErrorKind.Conflict, CertificateRules.Revoke(revoked, "again", "usr_admin", "Ada Admin", Issued).Error!.Kind);
        Assert.Equal(ErrorKind.Conflict, CertificateRules.Reinstate(Certificate()).Error!.Kind);
        var reinstated = CertificateRules.Reinstate(revoked).Value;
        Assert.Equal(CertificateStatus.Valid, reinstated.StatusAt(Issued));
        Assert.Null(reinstated.RevokedReason);
        Assert.Equal(revoked.Id, reinstated.Id);
    }

    [Fact]
    public void The_expiry_reminder_is_due_once_from_30_days_before_expiry()
    {
        var certificate = Certificate();

        Assert.False(CertificateRules.ExpiryReminderDue(certificate, Expires.AddDays(-30).AddTicks(-1)));
        Assert.True(CertificateRules.ExpiryReminderDue(certificate, Expires.AddDays(-30)));
        Assert.True(CertificateRules.ExpiryReminderDue(certificate, Expires.AddTicks(-1)));
        Assert.False(CertificateRules.ExpiryReminderDue(certificate, Expires));
        Assert.False(CertificateRules.ExpiryReminderDue(certificate with { ExpiryRemindedAt = Expires.AddDays(-29) }, Expires.AddDays(-2)));
        Assert.False(CertificateRules.ExpiryReminderDue(certificate with { RevokedAt = Issued }, Expires.AddDays(-2)));
        Assert.False(CertificateRules.ExpiryReminderDue(certificate with { ExpiresAt = null }, Expires.AddDays(-2)));
    }

    [Fact]
    public void A_certificate_is_marked_expired_once_after_it_expires()
    {
        var certificate = Certificate();

        Assert.False(CertificateRules.ExpiryMarkDue(certificate, Expires.AddTicks(-1)));
        Assert.True(CertificateRules.ExpiryMarkDue(certificate, Expires));
        Assert.False(CertificateRules.ExpiryMarkDue(certificate with { ExpiredAt = Expires }, Expires.AddDays(1)));
    }

    internal static Certificate Certificate() => new()
    {
        Id = "cer_3v9pq4cz0x5gk2m7w8a1d6e4fh",
        OrganizationId = "org_a",
        OrganizationName = "Northwind Traders",
        EnrollmentId = "enr_a",
        CertificationId = "crt_a",
        CertificationTitle = "Giving Feedback",
        LearnerId = "usr_a",
        LearnerName = "Zoë Ångström-Núñez",
        IssuedAt = Issued,
        ExpiresAt = Expires,
    };

    [Fact]
    public void An_issued_certificate_expires_after_the_certifications_validity_and_a_certification_without_one_never()
    {
        var certification = Build.Certification() with { ValidityMonths = 24, Criteria = [Build.Criterion()] };
        var earned = Build.Enrollment(certification) with { EarnedAt = Issued };

        var certificate = Domain.Certificates.Certificate.Issue("cer_a", earned, certification, "Northwind");

        Assert.Equal((Issued, Issued.AddMonths(24), earned.Id), (certificate.IssuedAt, certificate.ExpiresAt!.Value, certificate.EnrollmentId));
        Assert.Null(Domain.Certificates.Certificate.Issue("cer_a", earned, certification with { ValidityMonths = null }, "Northwind").ExpiresAt);
    }
}
