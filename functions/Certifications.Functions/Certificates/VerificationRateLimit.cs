using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Certifications.Functions.Certificates;

/// <summary>
/// Limits verification lookups per client address (60 a minute), so the public endpoint cannot be used to walk
/// the id space or to load the table; each instance counts its own callers.
/// </summary>
public sealed class VerificationRateLimit : IDisposable
{
    public const int PermitsPerMinute = 60;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(HttpRequest request)
    {
        using var lease = limiter.AttemptAcquire(ClientOf(request));
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();

    /// <summary>
    /// The last X-Forwarded-For hop (the one the Functions front end added; earlier hops are whatever the client
    /// sent), else the connection's address.
    /// </summary>
    private static string ClientOf(HttpRequest request) =>
        request.Headers["X-Forwarded-For"].ToString().Split(',')[^1].Trim() is { Length: > 0 } forwarded
            ? forwarded
            : request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
