using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Certifications.Storage.Common;

/// <summary>
/// A short read-through cache of what requests read of one organization again and again: who a caller is, the
/// organization's settings, its certifications. The repositories read through it, and every write they make to an
/// organization's users, settings or certifications drops that organization's entries at once, so this instance never
/// answers from before its own write; other instances see a change within <see cref="TimeToLive"/>.
/// </summary>
/// <remarks>
/// It pays on the LMS webhook, which needs the organization and its certifications on every delivery, and on every
/// signed-in request, which needs its caller's user and organization: without it, two more point reads each.
/// </remarks>
public sealed class OrganizationReadCache(IMemoryCache cache)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, CancellationTokenSource> generations = new(StringComparer.Ordinal);

    /// <summary>The cached value of the organization under that name, or what <paramref name="read"/> returns (kept unless null).</summary>
    public async Task<T?> GetOrReadAsync<T>(string organizationId, string name, Func<Task<T?>> read)
        where T : class
    {
        var key = organizationId + "|" + name;
        if (cache.TryGetValue(key, out T? cached))
        {
            return cached;
        }

        // The generation is taken before the read, so a write made while reading drops what the read returns.
        var generation = generations.GetOrAdd(organizationId, _ => new CancellationTokenSource()).Token;
        var value = await read().ConfigureAwait(false);
        if (value is not null)
        {
            cache.Set(key, value, new MemoryCacheEntryOptions
            {
                AbsoluteExpirationRelativeToNow = TimeToLive,
                ExpirationTokens = { new CancellationChangeToken(generation) },
            });
        }

        return value;
    }

    /// <summary>Drops everything cached of the organization; the repositories call it after each write.</summary>
    public void Changed(string organizationId)
    {
        if (generations.TryRemove(organizationId, out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }
}
