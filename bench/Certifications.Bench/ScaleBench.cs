using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Certifications.DevHost;
using Certifications.DevHost.Storage;
using Certifications.Domain.Enrollments;

namespace Certifications.Bench;

/// <summary>
/// What a large organization's everyday requests cost as it grows: one organization of 1,000 users and one of 20,000,
/// both built through the CSV import on the same dev host and Azurite, then the same requests in each, timed one after
/// another. Both are built before either is measured: Azurite evaluates a query against every row of its table, so a
/// table that grew between the two would be measured, not the organization. What an organization's size can still
/// change is what a request asks of storage, so the Table requests each one makes are counted too (a query that pages
/// through the organization makes more of them as it grows). The figure is each request's p50 at 20,000 over its p50
/// at 1,000, and its storage requests at both (flat is 1.0; the budget is 1.2).
/// </summary>
internal static class ScaleBench
{
    private const int Samples = 40;
    private const int TeamSize = 20;
    private static readonly string[] Activities = ["scale-reading", "scale-quiz", "scale-lab"];

    public static async Task RunAsync(IReadOnlyList<int> sizes)
    {
        await using var azurite = await Azurite.StartAsync(RepositoryRoot.Find(), dataFolder: null);
        await using var hubs = await Azurite.StartAsync(RepositoryRoot.Find(), dataFolder: null);
        await using var host = await BenchHost.StartAsync(
            azurite.ConnectionString, "benchscale", extra: new() { [DevHost.Durable.DurableEngine.ConnectionSetting] = hubs.ConnectionString });

        // Warm-up: the first import and the first requests of each kind pay for the host's and Azurite's cold paths.
        Console.WriteLine("Warm-up organization of 200 users:");
        _ = await MeasureAsync(await ScaleOrganization.BuildAsync(host, 200, Activities, TeamSize), azurite.ConnectionString);

        var organizations = new List<ScaleOrganization>();
        foreach (var size in sizes)
        {
            Console.WriteLine($"Organization of {size:N0} users:");
            organizations.Add(await ScaleOrganization.BuildAsync(host, size, Activities, TeamSize));
        }

        var results = new List<(int Size, Dictionary<string, Figure> Figures)>();
        foreach (var organization in organizations)
        {
            results.Add((organization.Size, await MeasureAsync(organization, azurite.ConnectionString)));
        }

        Console.WriteLine();
        var (small, large) = (results[0], results[^1]);
        Console.WriteLine(
            $"| request | {small.Size:N0} users p50 / p99 ms | {large.Size:N0} users p50 / p99 ms | ratio of p50 "
            + $"| Table requests per call, {small.Size:N0} / {large.Size:N0} |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var name in small.Figures.Keys)
        {
            var (a, b) = (small.Figures[name], large.Figures[name]);
            var ratio = name.Contains("rows per second", StringComparison.Ordinal) ? a.P50 / b.P50 : b.P50 / a.P50;
            Console.WriteLine(MarkdownRow.Of(
                $"{name}", $"{a.P50:F1} / {a.P99:F1}", $"{b.P50:F1} / {b.P99:F1}", $"{ratio:F2}", $"{a.TableRequests:F1} / {b.TableRequests:F1}"));
        }
    }

    private static async Task<Dictionary<string, Figure>> MeasureAsync(ScaleOrganization org, string storage)
    {
        var figures = new Dictionary<string, Figure>
        {
            ["import of 1,000 rows, rows per second"] = new(org.LastImportRowsPerSecond, org.LastImportRowsPerSecond, org.LastImportTableRequestsPerRow),
        };
        var tables = new Uri(new TableClient(storage, "Directory").Uri.GetLeftPart(UriPartial.Authority)).Port;
        using var admin = org.Client(org.AdminToken);
        using var coach = org.Client(org.CoachToken);
        using var learner = org.Client(org.LearnerToken);
        using var anonymous = org.Client(null);

        // One completion per learner (a real change each time, no workflow to wake): the learner found by external id.
        var webhook = 0;
        figures["LMS webhook, learner by external id"] = await TimeAsync(tables, async () =>
        {
            var i = webhook++ % org.Team.Count;
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                type = "activity.completed",
                learner = new { externalId = org.Team[i].ExternalId },
                activityId = Activities[(webhook / org.Team.Count) % Activities.Length],
                score = 90,
            });
            using var request = WorkflowBench.SignedWebhook(org.Id, $"scale-{org.Size}-{webhook}", body);
            (await anonymous.SendAsync(request)).EnsureSuccessStatusCode();
        });

        figures["learner's home: GET /me + /me/assignments"] = await TimeAsync(tables, async () =>
        {
            (await learner.GetAsync("me")).EnsureSuccessStatusCode();
            (await learner.GetAsync("me/assignments?pageSize=100")).EnsureSuccessStatusCode();
        });
        figures["coach's review queue: GET /reviews/queue"] = await TimeAsync(
            tables, async () => (await coach.GetAsync("reviews/queue")).EnsureSuccessStatusCode());
        figures["coach's team records: GET /me/team/learning-records"] = await TimeAsync(
            tables,
            async () => (await coach.GetAsync("me/team/learning-records")).EnsureSuccessStatusCode());
        figures["admin home: GET /me + /certifications"] = await TimeAsync(tables, async () =>
        {
            (await admin.GetAsync("me")).EnsureSuccessStatusCode();
            (await admin.GetAsync("certifications")).EnsureSuccessStatusCode();
        });
        figures["records search: GET learning-records?search="] = await TimeAsync(tables, async () =>
            (await admin.GetAsync($"certifications/{org.CertificationId}/learning-records?search={Uri.EscapeDataString(org.Team[3].Name)}&pageSize=50"))
                .EnsureSuccessStatusCode());
        figures["people: GET /users (first page)"] = await TimeAsync(tables, async () => (await admin.GetAsync("users?pageSize=50")).EnsureSuccessStatusCode());
        figures["approval request: last completion → record awaiting approval"] = await ApprovalAsync(org, anonymous, admin);

        // Floors: the same Table requests made bare, to tell what the storage itself does as the table grows.
        var directory = new TableClient(storage, "Directory");
        var users = TableClient.CreateQueryFilter($"PartitionKey eq {org.Id} and RowKey ge {"user|"} and RowKey lt {"user}"}");
        figures["floor: bare range query, first 50 users"] = await TimeAsync(tables, async () =>
        {
            await foreach (var page in directory.QueryAsync<TableEntity>(users, maxPerPage: 50).AsPages())
            {
                _ = page.Values.Count;
                break;
            }
        });
        figures["floor: bare point read of a user"] = await TimeAsync(
            tables,
            async () => _ = (await directory.GetEntityAsync<TableEntity>(org.Id, "user|" + org.Team[0].Id)).Value);
        return figures;
    }

    /// <summary>The team completes an approval-required certification; from each webhook's answer to its record asking for approval.</summary>
    private static async Task<Figure> ApprovalAsync(ScaleOrganization org, HttpClient anonymous, HttpClient admin)
    {
        var answered = new Dictionary<string, DateTimeOffset>();
        foreach (var member in org.Team)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(
                new { type = "activity.completed", learner = new { externalId = member.ExternalId }, activityId = "scale-approval", score = 90 });
            using var request = WorkflowBench.SignedWebhook(org.Id, $"scale-approval-{org.Size}-{member.Id}", body);
            (await anonymous.SendAsync(request)).EnsureSuccessStatusCode();
            answered[EnrollmentIds.For(org.ApprovalCertificationId, member.Id)] = DateTimeOffset.UtcNow;
        }

        var waits = new List<double>();
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        foreach (var (enrollment, at) in answered)
        {
            while (true)
            {
                var detail = await admin.GetFromJsonAsync<JsonObject>($"enrollments/{enrollment}");
                if (detail?["approvalRequestedAt"]?.GetValue<DateTimeOffset>() is { } requested)
                {
                    waits.Add((requested - at).TotalMilliseconds);
                    break;
                }

                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new TimeoutException($"{enrollment} was not sent for approval.");
                }

                await Task.Delay(100);
            }
        }

        var (p50, p99) = Percentiles(waits);
        return new Figure(p50, p99, double.NaN);
    }

    /// <summary>The request's latency over <see cref="Samples"/> calls after a warm-up, and the Table requests it made per call.</summary>
    private static async Task<Figure> TimeAsync(int tablePort, Func<Task> request)
    {
        for (var i = 0; i < 5; i++)
        {
            await request();
        }

        using var counter = new HttpRequestCounter();
        var times = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await request();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var tableRequests = counter.TakeCounts().Where(c => c.Key.StartsWith($"{tablePort} ", StringComparison.Ordinal)).Sum(c => c.Value);
        var (p50, p99) = Percentiles(times);
        return new Figure(p50, p99, tableRequests / (double)Samples);
    }

    /// <summary>One request's figures in one organization.</summary>
    private sealed record Figure(double P50, double P99, double TableRequests);

    private static (double P50, double P99) Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
        return (At(0.5), At(0.99));
    }
}
