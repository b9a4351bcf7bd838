using System.Globalization;
using Azure.Data.Tables;

namespace Certifications.Bench;

/// <summary>
/// Where an enrollment's time goes between the answer to its last webhook and its certificate record, read from the
/// engine's own history rows: when the raised event was taken in (the row of that episode is written), when the activity
/// ran (the record's issue time), and when its completion was taken in.
/// </summary>
internal static class WorkflowTrace
{
    public static async Task PrintAsync(
        string storage, string taskHub, IReadOnlyDictionary<string, (DateTimeOffset LastEvent, DateTimeOffset IssuedAt)> enrollments)
    {
        var history = new TableClient(storage, taskHub + "History");
        var segments = new List<(double Taken, double ToActivity, double Runs, double Completed)>();
        var gate = new object();
        var types = new Dictionary<string, int>();
        await Parallel.ForEachAsync(enrollments, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (pair, ct) =>
        {
            var (instance, (lastEvent, issuedAt)) = pair;
            DateTimeOffset? raised = null, completed = null, finished = null;
            await foreach (var row in history.QueryAsync<TableEntity>(e => e.PartitionKey == instance, cancellationToken: ct))
            {
                var type = row.GetString("EventType");
                lock (gate)
                {
                    types[type ?? "(none)"] = types.GetValueOrDefault(type ?? "(none)") + 1;
                }

                if (type == "EventRaised" && (raised is null || row.Timestamp > raised))
                {
                    raised = row.Timestamp;
                }
                else if (type == "TaskCompleted" && (completed is null || row.Timestamp > completed))
                {
                    completed = row.Timestamp;

                    // The engine keeps the event's own time (when the activity finished) beside the row's write time.
                    finished = row.GetDateTimeOffset("_Timestamp");
                }
            }

            if (raised is { } r && completed is { } c && finished is { } f)
            {
                lock (gate)
                {
                    segments.Add((
                        (r - lastEvent).TotalMilliseconds, (issuedAt - r).TotalMilliseconds, (f - issuedAt).TotalMilliseconds, (c - f).TotalMilliseconds));
                }
            }
        });

        string Percentiles(Func<(double, double, double, double), double> pick)
        {
            var values = segments.Select(pick).Order().ToArray();
            double At(double p) => values[(int)Math.Min(values.Length - 1, Math.Ceiling(p * values.Length) - 1)];
            return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):F0} ms, p90 {At(0.9):F0} ms, p99 {At(0.99):F0} ms");
        }

        Console.WriteLine("  history rows: " + string.Join(", ", types.Select(t => $"{t.Key} {t.Value}")));
        Console.WriteLine($"  trace of {segments.Count} enrollments (the engine's history rows):");
        Console.WriteLine($"    answer to last webhook → its event taken in by the orchestrator: {Percentiles(s => s.Item1)}");
        Console.WriteLine($"    event taken in → activity runs (record's issue time):            {Percentiles(s => s.Item2)}");
        Console.WriteLine($"    record's issue time → activity finished:                          {Percentiles(s => s.Item3)}");
        Console.WriteLine($"    activity finished → its completion taken in:                      {Percentiles(s => s.Item4)}");
    }
}
