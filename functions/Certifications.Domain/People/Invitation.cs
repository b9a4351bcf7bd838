using System.Security.Cryptography;
using System.Text;
using Certifications.Domain.Common;
using Certifications.Domain.Organizations;

namespace Certifications.Domain.People;

/// <summary>
/// A one-time link that binds the first sign-in to a user: only the SHA-256 of its secret is kept, it expires after
/// 14 days, and it is spent by its first use. Resending replaces it, so an older link stops working.
/// </summary>
public sealed record Invitation(string SecretHash, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt = null)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>A fresh invitation for a secret made by a cryptographic random source.</summary>
    public static Invitation For(string secret, DateTimeOffset now) => new(Hash(secret), now + Lifetime);

    /// <summary>What the link carries: the organization, the user and the secret, one token for a URL path.</summary>
    public static string LinkToken(User user, string secret) => $"{user.OrganizationId}.{user.Id}.{secret}";

    /// <summary>The parts of a link token, or null when it is not one.</summary>
    public static (string OrganizationId, string UserId, string Secret)? ParseLinkToken(string? token) =>
        token?.Split('.') is [var organization, var user, var secret]
            && Ids.IsWellFormed(organization, Ids.Organization) && Ids.IsWellFormed(user, Ids.User) && secret.Length is >= 32 and <= 64
            ? (organization, user, secret)
            : null;

    /// <summary>
    /// Binds the identity to the user, or says why not: a wrong secret is not found (it names nobody), a spent or
    /// expired link is a conflict, and an account of another tenant than the organization's is refused.
    /// </summary>
    public static Result<User> Accept(User user, Organization organization, string secret, SignInIdentity identity, DateTimeOffset now)
    {
        var invitation = user.Invitation;
        if (invitation is null || !user.IsActive
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(invitation.SecretHash)))
        {
            return Error.NotFound("The invitation");
        }

        if (invitation.AcceptedAt is not null)
        {
            return Error.Conflict("This invitation link was used already; sign in as usual, or ask an admin to send a new one.");
        }

        if (now >= invitation.ExpiresAt)
        {
            return Error.Conflict($"This invitation expired on {invitation.ExpiresAt:yyyy-MM-dd}; ask an admin to send a new one.");
        }

        if (organization.EntraTenantId is null)
        {
            return Error.Conflict($"{organization.Name} has not named its Entra ID tenant yet; a super admin sets it in the organization settings.");
        }

        if (!string.Equals(organization.EntraTenantId, identity.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return Error.Forbidden($"Sign in with your {organization.Name} work account: this account belongs to another organization's directory.");
        }

        return user with { SignIn = identity, Invitation = invitation with { AcceptedAt = now } };
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
