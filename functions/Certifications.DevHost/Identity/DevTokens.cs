using System.Security.Cryptography;
using Certifications.Domain.People;
using Certifications.Functions.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Certifications.DevHost.Identity;

/// <summary>Issues bearer tokens signed with the development key, standing in for Entra ID on this machine.</summary>
public sealed class DevTokens(IOptions<AuthOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly JsonWebTokenHandler handler = new();

    /// <summary>A token for an account, shaped like Entra's: its tenant (tid) and object id (oid).</summary>
    public string Issue(SignInIdentity account, TimeSpan? lifetime = null)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var validFor = lifetime ?? Lifetime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.DevelopmentIssuer,
            Audience = settings.Audience,
            Claims = new Dictionary<string, object>
            {
                ["tid"] = account.TenantId,
                ["oid"] = account.ObjectId,
                [JwtRegisteredClaimNames.Sub] = account.ObjectId
            },
            NotBefore = validFor < TimeSpan.Zero ? now + validFor - TimeSpan.FromMinutes(10) : now,
            IssuedAt = validFor < TimeSpan.Zero ? now + validFor - TimeSpan.FromMinutes(10) : now,
            Expires = now + validFor,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(settings.DevelopmentSigningKey!)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A fresh random signing key, base64.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key kept in .dev/, so tokens printed by an earlier run stay valid after a restart.</summary>
    public static string LoadOrCreateKey(string devFolder)
    {
        var path = Path.Combine(devFolder, "signing-key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var key = NewKey();
        File.WriteAllText(path, key);
        return key;
    }
}
