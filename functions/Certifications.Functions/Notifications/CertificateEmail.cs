using Certifications.Domain.Certificates;
using Certifications.Domain.Languages;
using Certifications.Domain.People;
using Certifications.Functions.Links;
using MimeKit;

namespace Certifications.Functions.Notifications;

/// <summary>The messages about an issued certificate, in the learner's language: delivery with the PDF, revocation, and expiry.</summary>
public sealed class CertificateEmail(MailMessages mail, ProductLinks links)
{
    public MimeMessage Delivered(Certificate certificate, string learnerEmail, string language, ReadOnlyMemory<byte> pdf)
    {
        var message = mail.Create([(certificate.LearnerName, learnerEmail)], language, W("DeliveredSubject", certificate.CertificationTitle),
            [
                W("DeliveredGreeting", certificate.LearnerName),
                string.Empty,
                W("DeliveredEarned", certificate.CertificationTitle, certificate.OrganizationName),
                W("DeliveredVerify", links.Verify(certificate.Id)),
                certificate.ExpiresAt is { } expires ? W("ValidUntil", Date(expires)) : W("NoExpiry"),
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

        string W(string key, params object[] values) => MailWords.Format(key, language, values);
        string Date(DateTimeOffset date) => CertificateWording.Date(date, language);
    }

    public MimeMessage Revoked(Certificate certificate, User learner, string language) =>
        mail.Create([(learner.DisplayName, learner.Email)], language, MailWords.Format("RevokedSubject", language, certificate.CertificationTitle),
            [
                MailWords.Format("Hello", language, learner.DisplayName),
                string.Empty,
                MailWords.Format("RevokedBody", language, certificate.CertificationTitle, certificate.Id, certificate.OrganizationName),
                MailWords.Format("RevokedReason", language, certificate.RevokedReason ?? string.Empty),
                MailWords.Format("VerifyNowSays", language, links.Verify(certificate.Id)),
            ],
            certificate.EnrollmentId);

    /// <summary>To the learner, in their language, with their coach copied.</summary>
    public MimeMessage ExpiringSoon(Certificate certificate, User learner, User? coach, string language)
    {
        var expires = CertificateWording.Date(certificate.ExpiresAt!.Value, language);
        return mail.Create(coach is null ? [(learner.DisplayName, learner.Email)] : [(learner.DisplayName, learner.Email), (coach.DisplayName, coach.Email)],
            language, MailWords.Format("ExpiringSubject", language, expires, certificate.CertificationTitle),
            [
                MailWords.Format("Hello", language, learner.DisplayName),
                string.Empty,
                MailWords.Format("ExpiringBody", language, certificate.CertificationTitle, expires),
                MailWords.Get("ExpiringRecertify", language),
                MailWords.Format("VerificationPage", language, links.Verify(certificate.Id)),
            ],
            certificate.EnrollmentId);
    }

    public MimeMessage Expired(Certificate certificate, User learner, string language) =>
        mail.Create([(learner.DisplayName, learner.Email)], language, MailWords.Format("ExpiredSubject", language, certificate.CertificationTitle),
            [
                MailWords.Format("Hello", language, learner.DisplayName),
                string.Empty,
                MailWords.Format("ExpiredBody", language, certificate.CertificationTitle, CertificateWording.Date(certificate.ExpiresAt!.Value, language)),
                MailWords.Format("VerifyNowSays", language, links.Verify(certificate.Id)),
            ],
            certificate.EnrollmentId);

    public static string FileName(Certificate certificate)
    {
        var title = new string([.. certificate.CertificationTitle.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-')]);
        return $"{title.Trim().Replace(' ', '-')}-{certificate.Id}.pdf";
    }
}
