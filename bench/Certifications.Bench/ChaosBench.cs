using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Certifications.DevHost;
using Certifications.DevHost.Identity;
using Certifications.DevHost.Storage;
using Certifications.Domain.Organizations;
using Certifications.Storage.Common;

namespace Certifications.Bench;

/// <summary>
/// Faults, measured: enrollments driven to Earned by signed LMS webhooks while the dev host's process is killed
/// (SIGKILL) three times at random moments and started again on the same storage, and Azurite itself is restarted once.
/// The LMS side retries each delivery until it is acknowledged, with the same webhook id, as a real LMS does. At the end
/// every enrollment must be Earned with exactly one certificate, one rendered PDF and one delivery e-mail.
/// </summary>
public static class ChaosBench
{
    private const string TaskHub = "chaos";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(15);

    /// <summary>The child process: a dev host on the given storage and port, until it is killed.</summary>
    public static async Task HostAsync(string storage, int port, string outbox, string signingKey, string secretsKey)
    {
        await using var host = await DevHostApp.StartAsync([], new DevHostSettings
        {
            Port = port,
            Settings = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storage,
                ["Auth:DevelopmentSigningKey"] = signingKey,
                ["Smtp:OutboxFolder"] = outbox,
                ["Secrets:LocalKeyFile"] = secretsKey,
                ["DevHost:TaskHub"] = TaskHub,
                ["DeliverySweepGrace"] = "00:00:20",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Certifications"] = "Warning",
            },
        });
        await host.WaitForShutdownAsync();
    }

    public static async Task<int> RunAsync(int enrollments, int seed)
    {
        // The seed picks the faults and their moments, so a run that fails can be run again as it was.
        var random = new Random(seed);
        var work = Directory.CreateTempSubdirectory("certifications-chaos-").FullName;
        var (outbox, data) = (Path.Combine(work, "outbox"), Path.Combine(work, "azurite"));
        var (signingKey, secretsKey) = (DevTokens.NewKey(), BenchHost.SecretsKeyFile);
        var azurite = await Azurite.StartAsync(RepositoryRoot.Find(), data);
        var port = FreePort();
        Console.WriteLine($"{enrollments} enrollments, 3 LMS webhooks each; seed {seed}; work folder {work}");

        // Seeded by a host in this process, which then stops: the workflows it started go on in the child's.
        string organizationId, certificationId;
        string[] emails;
        await using (var seeding = await BenchHost.StartAsync(azurite.ConnectionString, TaskHub))
        {
            (organizationId, certificationId, emails) = await WorkflowBench.SeedAndAssignAsync(seeding, enrollments);
        }

        var child = await StartChildAsync(azurite.ConnectionString, port, outbox, signingKey, secretsKey);
        var clock = Stopwatch.StartNew();
        var faults = new List<string>();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/"), Timeout = TimeSpan.FromSeconds(20) };
        var retries = 0L;
        var sending = Parallel.ForEachAsync(
            Enumerable.Range(0, enrollments), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                foreach (var activity in WorkflowBench.Activities)
                {
                    Interlocked.Add(ref retries, await DeliverUntilAcknowledgedAsync(http, organizationId, emails[i], activity, $"chaos-{i}-{activity}"));
                    // Paced as an LMS catching up over about twenty seconds, so the faults fall among the deliveries.
                    await Task.Delay(Random.Shared.Next(300, 900), ct);
                }
            });

        // The faults, at random moments while the LMS is sending: three kills of the host, one restart of the storage.
        var plan = new[] { "kill", "kill", "kill", "azurite" }.OrderBy(_ => random.Next()).ToArray();
        var moments = plan.Select(_ => TimeSpan.FromMilliseconds(random.Next(1_000, 18_000))).Order().ToArray();
        for (var f = 0; f < plan.Length; f++)
        {
            var fault = plan[f];
            if (moments[f] > clock.Elapsed)
            {
                await Task.Delay(moments[f] - clock.Elapsed);
            }

            if (fault == "kill")
            {
                child.Kill();
                await child.WaitForExitAsync();
                faults.Add($"host killed (SIGKILL) at {clock.Elapsed.TotalSeconds:F1} s");
                await Task.Delay(random.Next(200, 2_000));
                child = await StartChildAsync(azurite.ConnectionString, port, outbox, signingKey, secretsKey);
                faults.Add($"host started again at {clock.Elapsed.TotalSeconds:F1} s");
            }
            else
            {
                var ports = azurite.Ports;
                await azurite.DisposeAsync();
                faults.Add($"Azurite stopped at {clock.Elapsed.TotalSeconds:F1} s");
                await Task.Delay(random.Next(500, 3_000));
                azurite = await Azurite.StartAsync(RepositoryRoot.Find(), data, ports: ports);
                faults.Add($"Azurite started again at {clock.Elapsed.TotalSeconds:F1} s");
            }
        }

        await sending;
        faults.ForEach(f => Console.WriteLine("  " + f));
        Console.WriteLine($"  all {enrollments * 3} webhooks acknowledged at {clock.Elapsed.TotalSeconds:F1} s ({retries} deliveries retried by the LMS)");

        var tally = await WaitForDeliveryAsync(azurite.ConnectionString, organizationId, certificationId, outbox, enrollments);
        Console.WriteLine($"  settled at {clock.Elapsed.TotalSeconds:F1} s");
        child.Kill();
        await child.WaitForExitAsync();
        await azurite.DisposeAsync();

        Console.WriteLine();
        Console.WriteLine("| what | count | expected |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (what, count) in new[]
        {
            ("enrollments Earned", tally.Earned),
            ("enrollments with exactly one certificate", tally.OneCertificate),
            ("certificates in all", tally.Certificates),
            ("certificates with their PDF in storage", tally.Rendered),
            ("learners with exactly one delivery e-mail (by Message-ID)", tally.OneEmail),
            ("delivery e-mail files written (a resend after a kill repeats its Message-ID)", tally.EmailFiles),
        })
        {
            Console.WriteLine($"| {what} | {count} | {enrollments} |");
        }

        var ok = tally.Earned == enrollments && tally.OneCertificate == enrollments && tally.Certificates == enrollments
            && tally.Rendered == enrollments && tally.OneEmail == enrollments;
        Console.WriteLine();
        Console.WriteLine(ok
            ? $"{enrollments} of {enrollments}: every enrollment earned, one certificate, one PDF, one e-mail each."
            : "FAILED: something earned was lost or doubled.");
        if (ok)
        {
            Directory.Delete(work, recursive: true);
        }

        return ok ? 0 : 1;
    }

    /// <summary>Posts one completion until the app acknowledges it: a refused connection or a 5xx is retried with the same id.</summary>
    private static async Task<int> DeliverUntilAcknowledgedAsync(HttpClient http, string organizationId, string email, string activity, string id)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { type = "activity.completed", learner = new { email }, activityId = activity, score = 90 });
        var deadline = DateTimeOffset.UtcNow + Deadline;
        for (var attempt = 0; ; attempt++)
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/lms/{organizationId}") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", WebhookSignature.Sign(WorkflowBench.Secret, id, timestamp, body));
            try
            {
                using var answer = await http.SendAsync(request);
                if (answer.IsSuccessStatusCode)
                {
                    return attempt;
                }

                if ((int)answer.StatusCode < 500)
                {
                    throw new InvalidOperationException($"Delivery {id} refused: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The host is down or restarting: an LMS waits and sends the same delivery again.
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Delivery {id} was not acknowledged within {Deadline.TotalMinutes} minutes.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2_000, 100 * (attempt + 1))));
        }
    }

    private sealed record Tally(int Earned, int OneCertificate, int Certificates, int Rendered, int OneEmail, int EmailFiles);

    /// <summary>Polls the tables, the PDFs and the outbox until everything is delivered or the deadline passes.</summary>
    private static async Task<Tally> WaitForDeliveryAsync(string storage, string organizationId, string certificationId, string outbox, int count)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var tally = await TallyAsync(storage, organizationId, certificationId, outbox);
            var done = tally.Earned == count && tally.Rendered == count && tally.OneEmail == count;
            if (done || DateTimeOffset.UtcNow > deadline)
            {
                return tally;
            }

            await Task.Delay(1_000);
        }
    }

    private static async Task<Tally> TallyAsync(string storage, string organizationId, string certificationId, string outbox)
    {
        var earned = 0;
        await foreach (var record in new TableClient(storage, TableNames.Enrollments).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {organizationId + "|" + certificationId}")))
        {
            if (record.GetDateTimeOffset("EarnedAt") is not null)
            {
                earned++;
            }
        }

        var perEnrollment = new Dictionary<string, int>(StringComparer.Ordinal);
        var rendered = 0;
        var pdfs = new BlobContainerClient(storage, ContainerNames.Certificates);
        await foreach (var certificate in new TableClient(storage, TableNames.Certificates).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"OrganizationId eq {organizationId}")))
        {
            perEnrollment[certificate.GetString("EnrollmentId")] = perEnrollment.GetValueOrDefault(certificate.GetString("EnrollmentId")) + 1;
            var data = JsonNode.Parse(certificate.GetString("Data"))!;
            if (data["pdfBlob"]?.GetValue<string>() is { } blob && (await pdfs.GetBlobClient(blob).ExistsAsync()).Value)
            {
                rendered++;
            }
        }

        var messageIds = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var files = 0;
        foreach (var file in Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml") : [])
        {
            using var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (message.Attachments.Any() && message.To.Mailboxes.FirstOrDefault()?.Address is { } to
                && to.EndsWith("@bench.example", StringComparison.Ordinal))
            {
                files++;
                (messageIds.TryGetValue(to, out var ids) ? ids : messageIds[to] = []).Add(message.MessageId ?? file);
            }
        }

        return new Tally(
            earned, perEnrollment.Values.Count(n => n == 1), perEnrollment.Values.Sum(), rendered, messageIds.Values.Count(ids => ids.Count == 1), files);
    }

    private static async Task<Process> StartChildAsync(string storage, int port, string outbox, string signingKey, string secretsKey)
    {
        // The bench's own program in host mode: "dotnet Certifications.Bench.dll" under dotnet run, or its apphost.
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChaosBench).Assembly.Location);
        }

        foreach (var argument in new[] { "--chaos-host", storage, port.ToString(CultureInfo.InvariantCulture), outbox, signingKey, secretsKey })
        {
            start.ArgumentList.Add(argument);
        }

        var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host process.");
        var ready = await WaitForReadyAsync(child, port);
        return ready ? child : throw new InvalidOperationException("The host process did not start.");
    }

    private static async Task<bool> WaitForReadyAsync(Process child, int port)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline && !child.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
