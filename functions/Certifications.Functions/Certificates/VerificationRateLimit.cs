using System.Threading.RateLimiting;
using Certifications.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Certifications.Functions.Certificates;

/// <summary>
/// Limits verification lookups per client address (60 a minute), so the public endpoint cannot be used to walk the id
/// space, and per instance (3,000 a minute), so many addresses together cannot load the table either. Each instance
/// counts its own callers.
/// </summary>
public sealed class VerificationRateLimit(IOptions<AppOptions> options) : IDisposable
{
    public const int PermitsPerMinute = 60;

    public const int InstancePermitsPerMinute = 3000;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => PerMinute(PermitsPerMinute))),
        PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetFixedWindowLimiter("instance", _ => PerMinute(InstancePermitsPerMinute))));

    public bool TryAcquire(HttpRequest request)
    {
        using var lease = limiter.AttemptAcquire(ClientAddress.Of(request, options.Value.TrustForwardedFor));
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
