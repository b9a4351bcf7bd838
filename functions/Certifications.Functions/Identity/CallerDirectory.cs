using System.Collections.Concurrent;
using Certifications.Domain.Catalog;
using Certifications.Domain.Organizations;
using Certifications.Domain.People;
using Certifications.Domain.Policies;
using Certifications.Storage.Catalog;
using Certifications.Storage.Organizations;
using Certifications.Storage.People;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Certifications.Functions.Identity;

/// <summary>
/// Finds who a token's subject is in our own tables (organization, roles, groups, coach), and what the LMS webhook
/// looks up on every delivery (the organization, a learner's id by e-mail, the certifications). Answers are kept for a
/// short while: the point reads would cost more than the work most requests do. A change made through this instance
/// (user, settings or certification) forgets the organization's entries at once; other instances within the TTL.
/// </summary>
public sealed class CallerDirectory(
    DirectoryRepository directory, OrganizationRepository organizations, CertificationRepository certifications, IMemoryCache cache)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, CancellationTokenSource> organizationTokens = new(StringComparer.Ordinal);

    /// <summary>
    /// The caller a sign-in belongs to, or why there is none. The binding row is read on every request (one point
    /// read), so a disabled user is refused at once on every instance; the user and organization behind it are cached.
    /// </summary>
    public async Task<(Caller? Caller, string? Refusal)> FindAsync(SignInIdentity identity, CancellationToken cancellationToken)
    {
        var bound = await directory.ResolveIdentityAsync(identity, cancellationToken).ConfigureAwait(false);
        if (bound is null)
        {
            return (null,
                "This account is not linked to a user yet: open the invitation link from your e-mail and sign in there, or ask an admin to resend it.");
        }

        if (bound.Disabled)
        {
            return (null, "This user has been disabled; an admin of the organization can enable them again.");
        }

        var key = bound.OrganizationId + "|caller:" + bound.UserId;
        if (!cache.TryGetValue(key, out Caller? caller))
        {
            var expiry = organizationTokens.GetOrAdd(bound.OrganizationId, _ => new CancellationTokenSource()).Token;
            var userTask = directory.GetUserAsync(bound.OrganizationId, bound.UserId, cancellationToken);
            var organization = await organizations.GetAsync(bound.OrganizationId, cancellationToken).ConfigureAwait(false);
            var user = await userTask.ConfigureAwait(false);
            if (user is null || organization is null)
            {
                return (null, "This account's user no longer exists.");
            }

            caller = new Caller(user.Value, organization.Value);
            cache.Set(
                key, caller,
                new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeToLive, ExpirationTokens = { new CancellationChangeToken(expiry) } });
        }

        // The binding was made from the organization's tenant; if the organization has moved tenant since, it is void.
        return string.Equals(caller!.Organization.EntraTenantId, identity.TenantId, StringComparison.OrdinalIgnoreCase)
            ? (caller, null)
            : (null, "This account's directory is not the organization's Entra ID tenant.");
    }

    /// <summary>The organization, cached like callers.</summary>
    public Task<Organization?> OrganizationAsync(string organizationId, CancellationToken cancellationToken) =>
        CachedAsync(organizationId, "organization", async () => (await organizations.GetAsync(organizationId, cancellationToken).ConfigureAwait(false))?.Value);

    /// <summary>A user's id by their (lower-case) e-mail; an unknown address is not remembered, so a user added elsewhere is found at once.</summary>
    public Task<string?> UserIdByEmailAsync(string organizationId, string email, CancellationToken cancellationToken) =>
        CachedAsync(organizationId, "email:" + email, () => directory.FindUserIdByEmailAsync(organizationId, email, cancellationToken));

    /// <summary>A certification as last read, cached like callers.</summary>
    public Task<Certification?> CertificationAsync(string organizationId, string certificationId, CancellationToken cancellationToken) =>
        CachedAsync(
            organizationId, "certification:" + certificationId, async () =>
            (await certifications.GetAsync(organizationId, certificationId, cancellationToken).ConfigureAwait(false))?.Value);

    /// <summary>
    /// The organization's certifications, each as last read, cached like callers: what the LMS webhook matches an
    /// activity against without a query per delivery.
    /// </summary>
    public Task<IReadOnlyList<Certification>?> CertificationsAsync(string organizationId, CancellationToken cancellationToken) =>
        CachedAsync(organizationId, "certifications", async () =>
        {
            var all = new List<Certification>();
            await foreach (var certification in certifications.ListAsync(organizationId, cancellationToken).ConfigureAwait(false))
            {
                all.Add(certification);
            }

            return (IReadOnlyList<Certification>?)all;
        });

    private async Task<T?> CachedAsync<T>(string organizationId, string name, Func<Task<T?>> read)
        where T : class
    {
        var key = organizationId + "|" + name;
        if (cache.TryGetValue(key, out T? cached))
        {
            return cached;
        }

        // The token is taken before the read, so a change made while reading forgets what the read returns.
        var expiry = organizationTokens.GetOrAdd(organizationId, _ => new CancellationTokenSource()).Token;
        var value = await read().ConfigureAwait(false);
        if (value is not null)
        {
            cache.Set(
                key, value,
                new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeToLive, ExpirationTokens = { new CancellationChangeToken(expiry) } });
        }

        return value;
    }

    /// <summary>Forgets everything cached of the organization, after its settings, a user or a certification changed.</summary>
    public void Forget(string organizationId)
    {
        if (organizationTokens.TryRemove(organizationId, out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }
}
