namespace Certifications.Functions.Identity;

/// <summary>How bearer tokens are checked: an OpenID Connect authority (Entra ID) or, locally, a development signing key.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>e.g. https://login.microsoftonline.com/{tenant}/v2.0; its discovery document supplies issuer and keys.</summary>
    public string? Authority { get; set; }

    public string Audience { get; set; } = "api://certifications";

    /// <summary>Base64 HMAC key (at least 32 bytes) for locally issued tokens; never set in Azure.</summary>
    public string? DevelopmentSigningKey { get; set; }

    public string DevelopmentIssuer { get; set; } = "https://certifications.local/dev";

    public bool IsValid =>
        !string.IsNullOrWhiteSpace(Authority) ||
        (DevelopmentSigningKey is { } key && Convert.TryFromBase64String(key, new byte[key.Length], out var n) && n >= 32);
}
