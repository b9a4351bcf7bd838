using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Certifications.Bench;

/// <summary>
/// Counts the HTTP requests this process sends, by port, resource (for Azurite: the table, queue or container) and
/// kind, from the runtime's own System.Net.Http events: what a path costs in storage round trips.
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
        var path = (payload[3] as string ?? string.Empty).Split('?')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Azurite's paths start with the account name; the resource follows it.
        var rest = segments.Length > 1 && segments[0] == "devstoreaccount1" ? segments[1..] : segments;
        counts.AddOrUpdate($"{port} {Shape(rest)}", 1, (_, n) => n + 1);
    }

    /// <summary>A table's point operations, queries and inserts; a queue's message lists and single messages; a container's blobs.</summary>
    private static string Shape(string[] rest)
    {
        if (rest.Length == 0)
        {
            return "/";
        }

        var paren = rest[0].IndexOf('(', StringComparison.Ordinal);
        if (paren > 0)
        {
            return rest[0][..paren] + (rest[0].EndsWith("()", StringComparison.Ordinal) ? " query" : " point");
        }

        return rest.Length switch
        {
            _ when rest[0] == "api" => "api",
            1 => rest[0],
            2 when rest[1] == "messages" => rest[0] + " get/put",
            3 when rest[1] == "messages" => rest[0] + " delete/update",
            _ => rest[0] + " blob",
        };
    }
}
