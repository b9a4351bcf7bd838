using Certifications.Domain.Common;

namespace Certifications.Domain.Certificates;

/// <summary>Revocation, reinstatement and expiry: what may happen to an issued certificate, and when.</summary>
public static class CertificateRules
{
    public const int MaxReasonLength = 500;

    /// <summary>Learners and their coaches hear this long before a certificate expires.</summary>
    public static readonly TimeSpan ExpiryNotice = TimeSpan.FromDays(30);

    public static Result<Certificate> Revoke(Certificate certificate, string? reason, string byId, string byName, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var text = errors.RequireText("reason", reason, MaxReasonLength);
        if (errors.Any)
        {
            return errors.ToError();
        }

        if (certificate.RevokedAt is not null)
        {
            return Error.Conflict($"The certificate was already revoked on {certificate.RevokedAt:yyyy-MM-dd} ({certificate.RevokedReason}).");
        }

        return certificate with { RevokedAt = now, RevokedReason = text, RevokedBy = byName, RevokedById = byId };
    }

    /// <summary>Undoes a revocation: the same id, so every printed copy and QR code verifies again.</summary>
    public static Result<Certificate> Reinstate(Certificate certificate) =>
        certificate.RevokedAt is null
            ? Error.Conflict("The certificate is not revoked.")
            : certificate with { RevokedAt = null, RevokedReason = null, RevokedBy = null, RevokedById = null };

    /// <summary>Due once, within <see cref="ExpiryNotice"/> of expiry, while the certificate still counts.</summary>
    public static bool ExpiryReminderDue(Certificate certificate, DateTimeOffset now) =>
        certificate is { ExpiresAt: { } expires, ExpiryRemindedAt: null, RevokedAt: null }
        && now < expires && now >= expires - ExpiryNotice;

    public static bool ExpiryMarkDue(Certificate certificate, DateTimeOffset now) =>
        certificate is { ExpiresAt: { } expires, ExpiredAt: null } && now >= expires;
}
