using Certifications.Domain.Certificates;
using Certifications.Domain.People;
using Certifications.Functions.Certificates;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>The messages about an issued certificate: delivery with the PDF, revocation, and expiry.</summary>
public sealed class CertificateEmail(MailMessages mail, CertificateLinks links)
{
    public MimeMessage Delivered(Certificate certificate, string learnerEmail, ReadOnlyMemory<byte> pdf)
    {
        var message = mail.Create([(certificate.LearnerName, learnerEmail)], $"You earned: {certificate.CertificationTitle}",
            [
                $"Congratulations {certificate.LearnerName},",
                string.Empty,
                $"You have earned \"{certificate.CertificationTitle}\" from {certificate.OrganizationName}. Your certificate is attached.",
                $"Anyone can check it at {links.Verify(certificate.Id)}",
                certificate.ExpiresAt is { } expires ? $"It is valid until {CertificateWording.Date(expires)}." : "It does not expire.",
            ],
            certificate.EnrollmentId);
        var attachment = new MimePart("application", "pdf")
        {
            Content = new MimeContent(new MemoryStream(pdf.ToArray(), writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = FileName(certificate),
        };
        message.Body = new Multipart("mixed") { message.Body!, attachment };

        // One Message-ID per award: a retry after a crash between sending and recording it sends the same message, which
        // mail systems and clients recognise as one.
        message.MessageId = $"{certificate.Id}.{certificate.IssuedAt.ToUnixTimeSeconds()}.delivered@certifications";
        return message;
    }

    public MimeMessage Revoked(Certificate certificate, User learner) =>
        mail.Create([(learner.DisplayName, learner.Email)], $"Certificate revoked: {certificate.CertificationTitle}",
            [
                $"Hello {learner.DisplayName},",
                string.Empty,
                $"Your certificate for \"{certificate.CertificationTitle}\" ({certificate.Id}) was revoked by {certificate.OrganizationName}.",
                $"Reason: {certificate.RevokedReason}",
                $"Its verification page now says so: {links.Verify(certificate.Id)}",
            ],
            certificate.EnrollmentId);

    public MimeMessage ExpiringSoon(Certificate certificate, User learner, User? coach) =>
        mail.Create(coach is null ? [(learner.DisplayName, learner.Email)] : [(learner.DisplayName, learner.Email), (coach.DisplayName, coach.Email)],
            $"Expires on {CertificateWording.Date(certificate.ExpiresAt!.Value)}: {certificate.CertificationTitle}",
            [
                $"Hello {learner.DisplayName},",
                string.Empty,
                $"Your certificate for \"{certificate.CertificationTitle}\" expires on {CertificateWording.Date(certificate.ExpiresAt!.Value)}.",
                "Recertify before then to stay certified; your coach is copied on this message.",
                $"Verification page: {links.Verify(certificate.Id)}",
            ],
            certificate.EnrollmentId);

    public MimeMessage Expired(Certificate certificate, User learner) =>
        mail.Create([(learner.DisplayName, learner.Email)], $"Certificate expired: {certificate.CertificationTitle}",
            [
                $"Hello {learner.DisplayName},",
                string.Empty,
                $"Your certificate for \"{certificate.CertificationTitle}\" expired on {CertificateWording.Date(certificate.ExpiresAt!.Value)}.",
                $"Its verification page now says so: {links.Verify(certificate.Id)}",
            ],
            certificate.EnrollmentId);

    public static string FileName(Certificate certificate)
    {
        var title = new string([.. certificate.CertificationTitle.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-')]);
        return $"{title.Trim().Replace(' ', '-')}-{certificate.Id}.pdf";
    }
}
