using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Certifications.Bench;

/// <summary>
/// Counts the HTTP requests this process sends, by port and first path segment (for Azurite: the table, queue or
/// container), from the runtime's own System.Net.Http events: what a path costs in storage round trips.
/// </summary>
internal sealed class HttpRequestCounter : EventListener
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> TakeCounts()
    {
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in counts.Keys)
        {
            if (counts.TryRemove(key, out var count))
            {
                taken[key] = count;
            }
        }

        return taken;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "System.Net.Http")
        {
            EnableEvents(eventSource, EventLevel.Informational);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        // RequestStart(scheme, host, port, pathAndQuery, ...)
        if (eventData.EventName != "RequestStart" || eventData.Payload is not { Count: >= 4 } payload)
        {
            return;
        }

        var port = Convert.ToInt32(payload[2], CultureInfo.InvariantCulture);
        var path = payload[3] as string ?? string.Empty;
        var segments = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Azurite's paths start with the account name; the resource follows it.
        var resource = segments.Length > 1 && segments[0] == "devstoreaccount1" ? segments[1] : segments.FirstOrDefault() ?? "/";
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        counts.AddOrUpdate($"{port} {(paren > 0 ? resource[..paren] : resource)}", 1, (_, n) => n + 1);
    }
}
