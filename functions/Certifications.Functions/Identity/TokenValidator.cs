using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Certifications.Functions.Identity;

/// <summary>Validates a bearer token's signature, issuer, audience and lifetime; answers the subject it names.</summary>
public sealed class TokenValidator
{
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters parameters;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? authority;

    public TokenValidator(IOptions<AuthOptions> options)
    {
        var settings = options.Value;
        parameters = new TokenValidationParameters
        {
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        if (!string.IsNullOrWhiteSpace(settings.Authority))
        {
            // Keys and issuer come from the authority's discovery document, refreshed by the manager on its own schedule.
            authority = new ConfigurationManager<OpenIdConnectConfiguration>(
                settings.Authority.TrimEnd('/') + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever { RequireHttps = true });
            parameters.ConfigurationManager = authority;
        }
        else
        {
            parameters.ValidIssuer = settings.DevelopmentIssuer;
            parameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(settings.DevelopmentSigningKey!));
            parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
    }

    /// <summary>The token's subject (Entra's object id where present), or null when the token is not acceptable.</summary>
    public async Task<string?> ValidateAsync(string token)
    {
        if (!handler.CanReadToken(token))
        {
            return null;
        }

        var result = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return null;
        }

        var identity = result.ClaimsIdentity;
        return identity.FindFirst("oid")?.Value ?? identity.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
    }
}
