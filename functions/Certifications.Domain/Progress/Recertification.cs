using Certifications.Domain.Catalog;
using Certifications.Domain.Certificates;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Progress;

/// <summary>
/// Earning a certification again (product.md: learners "can recertify"): once the certificate is revoked, expired or
/// within 30 days of expiry, the learner starts the criteria afresh. Renewing an expired or expiring certificate keeps
/// its id, so the re-award updates it and every printed QR code shows the new dates. A revocation stands: the revoked
/// certificate keeps saying so with its reason, and the record lets go of its id, so a later award is a new certificate.
/// </summary>
public static class Recertification
{
    /// <summary>Whether the learner may start again: the certificate is revoked, expired, or expires within the notice period.</summary>
    public static bool IsOpen(Certificate certificate, DateTimeOffset now) =>
        certificate.StatusAt(now) != CertificateStatus.Valid
        || (certificate.ExpiresAt is { } expires && now >= expires - CertificateRules.ExpiryNotice);

    public static Result<ProgressChange> Start(Enrollment enrollment, Certification certification, Certificate? certificate, DateTimeOffset now)
    {
        if (!enrollment.IsActive)
        {
            return Error.Conflict("This enrollment was withdrawn.");
        }

        if (enrollment.EarnedAt is null || certificate is null)
        {
            return Error.Conflict("There is no certificate to renew yet: the certification is not earned.");
        }

        var status = certificate.StatusAt(now);
        if (!IsOpen(certificate, now))
        {
            return Error.Conflict(certificate.ExpiresAt is { } until
                ? $"The certificate is valid until {CertificateWording.Date(until)}; recertification opens 30 days before that."
                : "The certificate does not expire; there is nothing to renew.");
        }

        return ProgressChange.To(enrollment with
        {
            StartedAt = now,
            SubmittedAt = null,
            EarnedAt = null,
            Approval = ApprovalState.NotRequested,
            ApprovalRequestedAt = null,
            Criteria = [.. certification.Criteria.Select(c => new CriterionProgress { CriterionId = c.Id, Kind = c.Kind, UpdatedAt = now })],
            CertificateId = status == CertificateStatus.Revoked ? null : enrollment.CertificateId,
            Round = enrollment.Round + 1,
        });
    }
}
