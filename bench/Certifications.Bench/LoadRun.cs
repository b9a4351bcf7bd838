using System.Diagnostics;

namespace Certifications.Bench;

/// <summary>Closed-loop load: a fixed number of clients each sending the next request as soon as the last one answered.</summary>
public static class LoadRun
{
    public static async Task<LoadFigures> RunAsync(Func<HttpClient> clientFor, string path, int clients, TimeSpan duration)
    {
        var latencies = new List<double>[clients];
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
        {
            var own = latencies[i] = [];
            var client = clientFor();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                own.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadFigures(all.Length / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>Requests per second and latency percentiles (ms) of one load run.</summary>
public sealed record LoadFigures(double PerSecond, double P50, double P99, int Requests);
