namespace Certifications.Functions.Identity;

/// <summary>How bearer tokens are checked: an OpenID Connect authority (Entra ID) or, locally, a development signing key.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// e.g. https://login.microsoftonline.com/organizations/v2.0: every organization signs in from its own tenant, and
    /// the discovery document's issuer names the tenant as {tenantid}.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The API's application id URI, which v2.0 tokens may carry as their audience.</summary>
    public string Audience { get; set; } = "api://certifications";

    /// <summary>The API app registration's client id, which v2.0 access tokens carry as their audience.</summary>
    public string? ClientId { get; set; }

    /// <summary>Base64 HMAC key (at least 32 bytes) for locally issued tokens; refused outside Development.</summary>
    public string? DevelopmentSigningKey { get; set; }

    public string DevelopmentIssuer { get; set; } = "https://certifications.local/dev";

    public bool HasDevelopmentKey =>
        DevelopmentSigningKey is { } key && Convert.TryFromBase64String(key, new byte[key.Length], out var n) && n >= 32;
}
