using Certifications.Domain.People;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Certifications.Functions.Identity;

/// <summary>
/// Validates a bearer token's signature, issuer, audience and lifetime, and answers who signed in: the tenant and
/// object id (tid, oid). Entra tokens are checked against the authority's keys, their issuer against the discovery
/// document's with the token's own tenant in place of {tenantid}; development tokens against the local key.
/// </summary>
public sealed class TokenValidator
{
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters? entra;
    private readonly TokenValidationParameters? development;

    public TokenValidator(IOptions<AuthOptions> options, BaseConfigurationManager? authority = null)
    {
        var settings = options.Value;
        string[] audiences = [.. new[] { settings.Audience, settings.ClientId }.OfType<string>().Where(a => a.Length > 0)];
        if (authority is not null)
        {
            entra = Common(audiences);
            entra.ConfigurationManager = authority;
            entra.IssuerValidatorUsingConfiguration = TenantIssuer;
        }

        if (settings.HasDevelopmentKey)
        {
            development = Common(audiences);
            development.ValidIssuer = settings.DevelopmentIssuer;
            development.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(settings.DevelopmentSigningKey!));
            development.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
    }

    /// <summary>Who the token signs in, or null when it is not acceptable (or names no tenant and account).</summary>
    public async Task<SignInIdentity?> ValidateAsync(string token)
    {
        if (!handler.CanReadToken(token))
        {
            return null;
        }

        JsonWebToken read;
        try
        {
            read = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            // Not a JWT (the reader's way of saying so; malformed-token exceptions derive from it too).
            return null;
        }

        // The algorithm family picks the path: only the local key signs with HMAC, Entra signs with RSA.
        var parameters = read.Alg?.StartsWith("HS", StringComparison.Ordinal) == true ? development : entra;
        if (parameters is null)
        {
            return null;
        }

        var result = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return null;
        }

        var tenant = result.ClaimsIdentity.FindFirst("tid")?.Value;
        var account = result.ClaimsIdentity.FindFirst("oid")?.Value;
        return tenant is { Length: > 0 } && account is { Length: > 0 } ? new SignInIdentity(tenant.ToLowerInvariant(), account) : null;
    }

    private static TokenValidationParameters Common(string[] audiences) => new()
    {
        ValidAudiences = audiences,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromMinutes(2),
        RequireExpirationTime = true,
        RequireSignedTokens = true,
    };

    /// <summary>A multi-tenant authority's issuer is a template; the token's own tid fills it, so no tenant can pose as another.</summary>
    private static string TenantIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters, BaseConfiguration configuration)
    {
        var tenant = (token as JsonWebToken)?.TryGetPayloadValue("tid", out string? tid) == true ? tid : null;
        var expected = configuration.Issuer?.Replace("{tenantid}", tenant, StringComparison.OrdinalIgnoreCase);
        return tenant is { Length: > 0 } && string.Equals(issuer, expected, StringComparison.Ordinal)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException($"The issuer '{issuer}' is not the authority's issuer for the token's tenant.");
    }

    /// <summary>The discovery document of the authority, refreshed by the manager on its own schedule.</summary>
    public static BaseConfigurationManager Discovery(string authority) =>
        new ConfigurationManager<OpenIdConnectConfiguration>(
            authority.TrimEnd('/') + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = true });
}
