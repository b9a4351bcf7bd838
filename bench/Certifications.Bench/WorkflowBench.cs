using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Certifications.DevHost;
using Certifications.DevHost.Identity;
using Certifications.DevHost.Storage;
using Certifications.Domain.Common;
using Certifications.Domain.Organizations;
using Certifications.Domain.People;
using Certifications.Storage.People;
using DurableTask.Core;

namespace Certifications.Bench;

/// <summary>
/// Enrollments driven to Earned by three LMS webhooks each, through the app on the dev host, beside a bare Durable Task
/// Framework orchestration on the same engine and Azurite that waits for three events and calls one activity.
/// Rounds alternate app and bare, each on fresh enrollments; the figure that counts is the median of the rounds'
/// own ratios, because on this shared two-core machine either side's rate drifts from one run to the next.
/// </summary>
public static class WorkflowBench
{
    internal const string Secret = "whsec_QmVuY2htYXJrU2VjcmV0MDEyMzQ1Njc4OWFiY2RlZg==";
    internal static readonly string[] Activities = ["bench-reading", "bench-quiz", "bench-simulation"];

    /// <summary>With --settled-start, the app's completions wait until every workflow has started, as the floor's events do.</summary>
    public static bool SettledStart { get; set; }

    /// <summary>With --trace, each app round prints where the last event's time went (<see cref="WorkflowTrace"/>).</summary>
    public static bool Trace { get; set; }

    public static async Task RunAsync(int enrollments, int clients, int rounds)
    {
        await using var azurite = await Azurite.StartAsync(RepositoryRoot.Find(), dataFolder: null);
        // As the dev host runs: the app's data in one Azurite, the task hubs (the app's and the floor's) in another.
        await using var hubs = await Azurite.StartAsync(RepositoryRoot.Find(), dataFolder: null);
        await using var host = await BenchHost.StartAsync(
            azurite.ConnectionString, "benchapp", extra: new() { [DevHost.Durable.DurableEngine.ConnectionSetting] = hubs.ConnectionString });
        await using var bare = await BareWorkflow.StartAsync(hubs.ConnectionString, "benchbare");

        Console.WriteLine($"{enrollments} enrollments, 3 criteria each completed by webhook, {clients} concurrent senders.");
        // Warm-up: both task hubs take their partitions and both paths their first (slow) calls before the clock runs.
        await RunAppAsync(host, azurite.ConnectionString, hubs.ConnectionString, 16, clients);
        await RunBareAsync(bare, hubs.ConnectionString, 16, clients, "warm");

        using var requests = new HttpRequestCounter();
        var rows = new List<(Figures App, Figures Bare)>();
        for (var round = 1; round <= rounds; round++)
        {
            requests.TakeCounts();
            var app = await RunAppAsync(host, azurite.ConnectionString, hubs.ConnectionString, enrollments, clients);
            var appRequests = requests.TakeCounts();
            var floor = await RunBareAsync(bare, hubs.ConnectionString, enrollments, clients, $"bare{round}");
            var bareRequests = requests.TakeCounts();
            rows.Add((app, floor));
            Console.WriteLine(Row(round, app, floor));
            if (round == 1)
            {
                PrintRequests("app", appRequests, enrollments);
                PrintRequests("bare", bareRequests, enrollments);
            }
        }

        Console.WriteLine();
        Console.WriteLine("app: HTTP webhook → enrollment workflow → certificate record; bare DTFx: 3 raised events → 1 activity writing a record");
        Console.WriteLine();
        Console.WriteLine("| round | app per s | app last event → record p50 / p99 ms | bare per s | bare p50 / p99 ms | app / bare |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < rows.Count; i++)
        {
            Console.WriteLine(Row(i + 1, rows[i].App, rows[i].Bare));
        }

        var median = Stats.Median(rows.Select(r => r.App.PerSecond / r.Bare.PerSecond));
        var (appRate, bareRate) = (Stats.Median(rows.Select(r => r.App.PerSecond)), Stats.Median(rows.Select(r => r.Bare.PerSecond)));
        var (p50, p99) = (Stats.Median(rows.Select(r => r.App.P50)), Stats.Median(rows.Select(r => r.App.P99)));
        var (p50Ratio, p99Ratio) = (Stats.Median(rows.Select(r => r.App.P50 / r.Bare.P50)), Stats.Median(rows.Select(r => r.App.P99 / r.Bare.P99)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nmedian of rounds: app / bare {median:F2}; app {appRate:F1}/s, bare {bareRate:F1}/s; app p50 {p50:F0} ms, p99 {p99:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of rounds, last event → record: p50 {p50Ratio:F2}× the bare engine's, p99 {p99Ratio:F2}× (issue #26: at most 2× and 3×)"));
    }

    private static void PrintRequests(string side, IReadOnlyDictionary<string, int> counts, int enrollments)
    {
        Console.WriteLine(
            string.Create(
            CultureInfo.InvariantCulture,
            $"  {side}: {counts.Values.Sum() / (double)enrollments:F1} HTTP requests per enrollment (port, resource and kind: per enrollment)"));
        foreach (var (key, count) in counts.OrderByDescending(c => c.Value))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {key}: {count / (double)enrollments:F2}"));
        }
    }

    private static string Row(int round, Figures app, Figures bare) => MarkdownRow.Of(
        $"{round}", $"{app.PerSecond:F1}", $"{app.P50:F0} / {app.P99:F0}",
        $"{bare.PerSecond:F1}", $"{bare.P50:F0} / {bare.P99:F0}", $"{app.PerSecond / bare.PerSecond:F2}");

    private static async Task<Figures> RunAppAsync(DevHostApp host, string storage, string hubStorage, int count, int clients)
    {
        var (organizationId, certificationId, learners, adminToken) = await SeedAsync(host, count);
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/api/") };
        var lastEvent = new DateTimeOffset[count];

        var clock = Stopwatch.StartNew();
        using (var assign = new HttpRequestMessage(
            HttpMethod.Post, $"certifications/{certificationId}/assignments")
        { Content = JsonContent.Create(new { learnerIds = learners }) })
        {
            assign.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            (await http.SendAsync(assign)).EnsureSuccessStatusCode();
        }

        if (SettledStart)
        {
            // As the floor does: the completions come once every workflow has started, not while 200 starts are queued.
            var durable = host.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>();
            await Parallel.ForEachAsync(learners, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (learner, ct) =>
            {
                var instance = Domain.Enrollments.EnrollmentIds.For(certificationId, learner);
                while ((await durable.GetInstanceAsync(instance, ct))?.RuntimeStatus
                    is null or Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Pending)
                {
                    await Task.Delay(50, ct);
                }
            });
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, ct) =>
        {
            foreach (var activity in Activities)
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(
                    new { type = "activity.completed", learner = new { email = Email(i) }, activityId = activity, score = 90 });
                using var request = SignedWebhook(organizationId, $"bench-{i}-{activity}", body);
                (await http.SendAsync(request, ct)).EnsureSuccessStatusCode();
            }

            lastEvent[i] = DateTimeOffset.UtcNow;
        });
        var sent = clock.Elapsed;

        var issued = await WaitForRecordsAsync(new TableClient(storage, "Certificates"), count,
            e => e.GetString("OrganizationId") == organizationId
                ? (e.GetString("EnrollmentId"), JsonNode.Parse(e.GetString("Data"))!["issuedAt"]!.GetValue<DateTimeOffset>())
                : null);
        var wall = clock.Elapsed;
        Console.WriteLine(
            string.Create(
            CultureInfo.InvariantCulture, $"  app: all {count * 3} webhooks answered after {sent.TotalSeconds:F1} s, last record at {wall.TotalSeconds:F1} s"));
        var byLearner = learners.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var latencies = issued.Select(r => (r.At - lastEvent[byLearner[r.Key[^26..].Insert(0, "usr_")]]).TotalMilliseconds).ToArray();
        if (Trace)
        {
            await WorkflowTrace.PrintAsync(
                hubStorage, "benchapp", issued.ToDictionary(r => r.Key, r => (lastEvent[byLearner[r.Key[^26..].Insert(0, "usr_")]], r.At)));
        }

        return Figures.From(count, wall, latencies);
    }

    private static async Task<Figures> RunBareAsync(BareWorkflow bare, string storage, int count, int clients, string prefix)
    {
        var lastEvent = new DateTimeOffset[count];
        var clock = Stopwatch.StartNew();
        var instances = new OrchestrationInstance[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, _) =>
            instances[i] = await bare.Client.CreateOrchestrationInstanceAsync(typeof(BareWorkflow.ThreeEvents), $"{prefix}-{i}", $"{prefix}-{i}"));
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, _) =>
        {
            // A bare orchestration has no record to re-read: an event that reaches it before it has started is lost,
            // so it gets its events only once it runs. (The app's workflow reads the table first, so it needs no wait.)
            while ((await bare.Client.GetOrchestrationStateAsync(instances[i]))?.OrchestrationStatus is null or OrchestrationStatus.Pending)
            {
                await Task.Delay(50);
            }

            foreach (var activity in Activities)
            {
                await bare.Client.RaiseEventAsync(instances[i], BareWorkflow.EventName, activity);
            }

            lastEvent[i] = DateTimeOffset.UtcNow;
        });

        var issued = await WaitForRecordsAsync(new TableClient(storage, "BareCertificates"), count,
            e => e.RowKey.StartsWith(prefix + "-", StringComparison.Ordinal) ? (e.RowKey, e.GetDateTimeOffset("IssuedAt")!.Value) : null);
        var wall = clock.Elapsed;
        var latencies = issued.Select(
            r => (r.At - lastEvent[int.Parse(r.Key[(prefix.Length + 1)..], CultureInfo.InvariantCulture)]).TotalMilliseconds).ToArray();
        return Figures.From(count, wall, latencies);
    }

    private static async Task<List<(string Key, DateTimeOffset At)>> WaitForRecordsAsync(
        TableClient table, int count, Func<TableEntity, (string, DateTimeOffset)?> read)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);
        while (true)
        {
            var records = new List<(string, DateTimeOffset)>();
            await foreach (var entity in table.QueryAsync<TableEntity>())
            {
                if (read(entity) is { } record)
                {
                    records.Add(record);
                }
            }

            if (records.Count >= count)
            {
                return records;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {records.Count} of {count} records after 5 minutes.");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<(string Organization, string Certification, string[] Learners, string AdminToken)> SeedAsync(DevHostApp host, int count)
    {
        var accounts = host.Services.GetRequiredService<DevAccounts>();
        var directory = host.Services.GetRequiredService<DirectoryRepository>();
        var (organization, admin) = await accounts.ProvisionAsync("Bench Org", "admin@bench.example", "Bench Admin");
        var learners = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var user = new User
            {
                Id = Ids.New(Ids.User),
                OrganizationId = organization.Id,
                Email = Email(i),
                DisplayName = $"Learner {i}",
                Roles = [Role.Learner],
                CreatedAt = DateTimeOffset.UtcNow
            };
            _ = (await directory.CreateUserAsync(user, ct)).Value;
            learners[i] = user.Id;
        });

        var token = accounts.TokenFor(admin);
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/api/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await http.PutAsJsonAsync("org/settings", new { webhookSecret = Secret })).EnsureSuccessStatusCode();
        var created = await (await http.PostAsJsonAsync("certifications", new
        {
            title = "Bench certification",
            requireApproval = false,
            criteria = Activities.Select(a => new { kind = "activity", title = a, externalActivityId = a }).ToArray(),
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        var id = created!["id"]!.GetValue<string>();
        (await http.PostAsync($"certifications/{id}/publish", null)).EnsureSuccessStatusCode();
        return (organization.Id, id, learners, token);
    }

    /// <summary>An organization with <paramref name="count"/> learners assigned a certification of three LMS activities; their e-mails.</summary>
    internal static async Task<(string Organization, string Certification, string[] Emails)> SeedAndAssignAsync(DevHostApp host, int count)
    {
        var (organizationId, certificationId, learners, adminToken) = await SeedAsync(host, count);
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/api/") };
        using var assign = new HttpRequestMessage(HttpMethod.Post, $"certifications/{certificationId}/assignments")
        {
            Content = JsonContent.Create(new { learnerIds = learners }),
        };
        assign.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        (await http.SendAsync(assign)).EnsureSuccessStatusCode();
        return (organizationId, certificationId, [.. Enumerable.Range(0, count).Select(Email)]);
    }

    private static string Email(int i) => $"learner{i}@bench.example";

    /// <summary>An LMS webhook to the organization, signed with the bench's secret the Standard Webhooks way.</summary>
    internal static HttpRequestMessage SignedWebhook(string organizationId, string id, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/lms/{organizationId}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(Secret, id, timestamp, body));
        return request;
    }

    /// <summary>One run's rate and its latency percentiles.</summary>
    private sealed record Figures(double PerSecond, double P50, double P99)
    {
        public static Figures From(int count, TimeSpan wall, double[] latencies)
        {
            Array.Sort(latencies);
            double At(double p) => latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(p * latencies.Length) - 1)];
            return new Figures(count / wall.TotalSeconds, At(0.50), At(0.99));
        }
    }
}
