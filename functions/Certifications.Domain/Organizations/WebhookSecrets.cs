namespace Certifications.Domain.Organizations;

/// <summary>The Standard Webhooks secret format: "whsec_" and base64 of the key bytes.</summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    public static bool IsValid(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var buffer = new byte[secret.Length];
        return Convert.TryFromBase64String(secret[Prefix.Length..], buffer, out var length) && length is >= 24 and <= 64;
    }

    /// <summary>What GET shows instead of the secret: enough to recognise it, not to use it.</summary>
    public static string? Hint(string? secret) => secret is null ? null : Prefix + "…" + secret[^4..];
}
