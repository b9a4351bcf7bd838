using Certifications.Domain.Certificates;
using Certifications.Functions.Notifications;
using Certifications.Storage.Certificates;
using Certifications.Storage.People;
using Microsoft.Extensions.Logging;

namespace Certifications.Functions.Certificates;

/// <summary>
/// The nightly sweep: certificates within 30 days of expiry get one reminder (learner, with their coach copied);
/// those past it are marked expired and the learner is told. The record is written before the e-mail is sent, so
/// two sweeps racing, or a sweep retried, send each message once.
/// </summary>
public sealed partial class CertificateExpiry(
    CertificateRepository certificates, DirectoryRepository directory, CertificateEmail email, IEmailSender mail, RecipientLanguages languages,
    TimeProvider clock, ILogger<CertificateExpiry> logger)
{
    public async Task<(int Reminded, int Expired)> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (reminded, expired) = (0, 0);
        await foreach (var found in certificates.ExpiringBeforeAsync(now + CertificateRules.ExpiryNotice, cancellationToken).ConfigureAwait(false))
        {
            var certificate = found.Value;
            var remind = CertificateRules.ExpiryReminderDue(certificate, now);
            var mark = CertificateRules.ExpiryMarkDue(certificate, now);
            if (!remind && !mark)
            {
                continue;
            }

            var changed = mark ? certificate with { ExpiredAt = now } : certificate with { ExpiryRemindedAt = now };
            if (!(await certificates.UpdateAsync(changed, found.ETag, cancellationToken).ConfigureAwait(false)).IsSuccess)
            {
                continue;
            }

            var learner = (await directory.GetUserAsync(certificate.OrganizationId, certificate.LearnerId, cancellationToken).ConfigureAwait(false))?.Value;
            if (learner is null)
            {
                continue;
            }

            var language = await languages.OfAsync(learner, cancellationToken).ConfigureAwait(false);
            if (mark)
            {
                expired++;
                if (certificate.RevokedAt is null)
                {
                    await mail.SendAsync([email.Expired(certificate, learner, language)], cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                reminded++;
                var coach = learner.CoachId is { } coachId
                    ? (await directory.GetUserAsync(certificate.OrganizationId, coachId, cancellationToken).ConfigureAwait(false))?.Value : null;
                await mail.SendAsync([email.ExpiringSoon(certificate, learner, coach, language)], cancellationToken).ConfigureAwait(false);
            }
        }

        LogSwept(reminded, expired);
        return (reminded, expired);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate expiry sweep: {Reminded} reminded, {Expired} marked expired")]
    private partial void LogSwept(int reminded, int expired);
}
