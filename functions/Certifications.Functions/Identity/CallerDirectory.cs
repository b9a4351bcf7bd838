using Certifications.Domain.Organizations;
using System.Collections.Concurrent;
using Certifications.Domain.Policies;
using Certifications.Storage.Organizations;
using Certifications.Storage.People;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Certifications.Functions.Identity;

/// <summary>
/// Finds who a token's subject is in our own tables (organization, roles, groups, coach). The answer is kept
/// for a short while: three point reads per request would cost more than the work most requests do. A change made
/// through this instance (user or settings) forgets the organization's callers at once; other instances within the TTL.
/// </summary>
public sealed class CallerDirectory(DirectoryRepository directory, OrganizationRepository organizations, IMemoryCache cache)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, CancellationTokenSource> organizationTokens = new(StringComparer.Ordinal);

    public async Task<Caller?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(subject, out Caller? cached))
        {
            return cached;
        }

        var identity = await directory.ResolveIdentityAsync(subject, cancellationToken).ConfigureAwait(false);
        if (identity is null)
        {
            return null;
        }

        var (organizationId, userId) = identity.Value;
        var expiry = organizationTokens.GetOrAdd(organizationId, _ => new CancellationTokenSource()).Token;
        var userTask = directory.GetUserAsync(organizationId, userId, cancellationToken);
        var organization = await organizations.GetAsync(organizationId, cancellationToken).ConfigureAwait(false);
        var user = await userTask.ConfigureAwait(false);
        if (user is null || organization is null)
        {
            return null;
        }

        var caller = new Caller(user.Value, organization.Value);
        cache.Set(subject, caller, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeToLive, ExpirationTokens = { new CancellationChangeToken(expiry) } });
        return caller;
    }

    /// <summary>The organization, cached like callers (the LMS webhook reads it on every delivery).</summary>
    public async Task<Organization?> OrganizationAsync(string organizationId, CancellationToken cancellationToken)
    {
        var key = "organization:" + organizationId;
        if (cache.TryGetValue(key, out Organization? cached))
        {
            return cached;
        }

        var expiry = organizationTokens.GetOrAdd(organizationId, _ => new CancellationTokenSource()).Token;
        var organization = (await organizations.GetAsync(organizationId, cancellationToken).ConfigureAwait(false))?.Value;
        if (organization is not null)
        {
            cache.Set(key, organization, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeToLive, ExpirationTokens = { new CancellationChangeToken(expiry) } });
        }

        return organization;
    }

    /// <summary>Forgets every cached caller of the organization, after its settings or one of its users changed.</summary>
    public void Forget(string organizationId)
    {
        if (organizationTokens.TryRemove(organizationId, out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }
}
