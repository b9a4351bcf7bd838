using System.Security.Cryptography;
using System.Text;

namespace Certifications.Domain.Organizations;

/// <summary>
/// Standard Webhooks signatures: base64 HMAC-SHA256 of "id.timestamp.body" with the secret's key bytes, sent as
/// "v1,&lt;signature&gt;" (several may be sent, space-separated, while a secret is being rotated).
/// </summary>
public static class WebhookSignature
{
    /// <summary>How far a delivery's timestamp may be from now, either way: older ones may be replays.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, string webhookId, long timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(Mac(secret, webhookId, timestamp, body));

    /// <summary>Valid when any signature of the header matches any of the secrets (a rotation sends or accepts several).</summary>
    public static WebhookVerdict Verify(
        IReadOnlyList<string> secrets, string? webhookId, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(webhookId) || string.IsNullOrEmpty(signatureHeader) || !long.TryParse(timestampHeader, out var timestamp))
        {
            return WebhookVerdict.MissingHeaders;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > Tolerance.TotalSeconds)
        {
            return WebhookVerdict.OutsideTolerance;
        }

        foreach (var secret in secrets)
        {
            var expected = Mac(secret, webhookId, timestamp, body);
            foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = candidate.Split(',', 2);
                var decoded = new byte[expected.Length + 8];
                if (parts is ["v1", var value] && Convert.TryFromBase64String(value, decoded, out var length) && length == expected.Length
                    && CryptographicOperations.FixedTimeEquals(decoded.AsSpan(0, length), expected))
                {
                    return WebhookVerdict.Valid;
                }
            }
        }

        return WebhookVerdict.BadSignature;
    }

    private static byte[] Mac(string secret, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        var key = Convert.FromBase64String(secret[WebhookSecrets.Prefix.Length..]);
        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(key, signed);
    }
}

/// <summary>What checking a delivery's signature found.</summary>
public enum WebhookVerdict
{
    Valid,
    MissingHeaders,
    OutsideTolerance,
    BadSignature,
}
