using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Certifications.DevHost;
using Certifications.DevHost.Storage;
using Certifications.Domain.Catalog;
using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;
using Certifications.Domain.People;
using Certifications.Functions.Reports;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;
using Microsoft.Extensions.Options;

namespace Certifications.Bench;

/// <summary>
/// The criteria progress report over N enrollments of a certification with 5 criteria, on Azurite, against the floor:
/// a plain Azure.Data.Tables scan of the same entities that writes nothing. Each side runs in a child process of its
/// own, so its peak working set is its own; the parent seeds the data and prints the table.
/// </summary>
internal static class ReportBench
{
    private const string Org = "org_bench";

    public static async Task RunAsync(IReadOnlyList<int> sizes)
    {
        Console.WriteLine("| enrollments | rows | app s | app rows/s | app peak MB | floor s | floor entities/s | floor peak MB | app / floor |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            await using var azurite = await Azurite.StartAsync(RepositoryRoot.Find(), dataFolder: null);
            var certification = Certification(size);
            await SeedAsync(azurite.ConnectionString, certification, size);
            var floor = Measure("floor", azurite.ConnectionString, certification.Id);
            var app = Measure("app", azurite.ConnectionString, certification.Id);
            var floorAgain = Measure("floor", azurite.ConnectionString, certification.Id);
            var appAgain = Measure("app", azurite.ConnectionString, certification.Id);
            var (bestApp, bestFloor) = (app.Seconds < appAgain.Seconds ? app : appAgain, floor.Seconds < floorAgain.Seconds ? floor : floorAgain);
            Console.WriteLine(MarkdownRow.Of(
                $"{size:N0}", $"{bestApp.Items:N0}", $"{bestApp.Seconds:F1}", $"{bestApp.Items / bestApp.Seconds:N0}",
                $"{Math.Max(app.PeakMb, appAgain.PeakMb):F0}", $"{bestFloor.Seconds:F1}", $"{bestFloor.Items / bestFloor.Seconds:N0}",
                $"{Math.Max(floor.PeakMb, floorAgain.PeakMb):F0}", $"{bestFloor.Seconds / bestApp.Seconds:F2}"));
        }
    }

    /// <summary>The child process's side: one pass, then one line "items seconds peakMb".</summary>
    public static async Task MeasureAsync(string side, string connection, string certificationId)
    {
        var watch = Stopwatch.StartNew();
        long items = 0;
        if (side == "floor")
        {
            var table = new TableClient(connection, TableNames.Enrollments);
            await foreach (var _ in table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {Org + "|" + certificationId}"), maxPerPage: 1000))
            {
                items++;
            }
        }
        else
        {
            var storage = new StorageAccount(Options.Create(new StorageOptions { ConnectionString = connection }));
            var records = Repository(storage).ActiveAsync(Org, certificationId);
            await using var output = new CountingStream();
            items = await CriteriaProgressCsv.WriteAsync(
                output, Certification(0) with { Id = certificationId }, records, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        watch.Stop();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{items} {watch.Elapsed.TotalSeconds} {self.PeakWorkingSet64 / 1024.0 / 1024.0}"));
    }

    private static (long Items, double Seconds, double PeakMb) Measure(string side, string connection, string certificationId)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        foreach (var arg in new[] { "--report-measure", side, connection, certificationId })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var line = child.StandardOutput.ReadToEnd().Trim().Split('\n')[^1].Split(' ');
        child.WaitForExit();
        return (long.Parse(line[0], CultureInfo.InvariantCulture), double.Parse(line[1], CultureInfo.InvariantCulture),
            double.Parse(line[2], CultureInfo.InvariantCulture));
    }

    private static Certification Certification(int size) => new()
    {
        Id = Ids.FromSeed(Ids.Certification, "report-bench-" + size),
        OrganizationId = Org,
        Title = "Customer Conversations",
        Status = CertificationStatus.Published,
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
        Criteria = [.. Enumerable.Range(0, 5).Select(i => new Criterion
        {
            Id = Ids.FromSeed(Ids.Criterion, "report-bench-" + i),
            Kind = i == 4 ? CriterionKind.Review : CriterionKind.Activity,
            Title = $"Criterion {i + 1}",
        })],
    };

    private static EnrollmentRepository Repository(StorageAccount storage) =>
        new(storage, new Certifications.Storage.Delivery.UndeliveredAwards(storage), TimeProvider.System);

    /// <summary>Writes N records in batches of 100, 8 batches at a time; states vary so every kind of row appears.</summary>
    private static async Task SeedAsync(string connection, Certification certification, int size)
    {
        var storage = new StorageAccount(Options.Create(new StorageOptions { ConnectionString = connection }));
        await storage.Tables.CreateTableIfNotExistsAsync(TableNames.Enrollments);
        var repository = Repository(storage);
        var now = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, size).Chunk(EnrollmentRepository.MaxBatch), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, ct) =>
        {
            var records = chunk.Select(i => ((Enrollment, string?))(Record(certification, i, now), null)).ToArray();
            _ = await repository.WriteManyAsync(records, ct);
        });
        Console.Error.WriteLine($"seeded {size:N0} enrollments in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static Enrollment Record(Certification certification, int i, DateTimeOffset now)
    {
        var learner = new User
        {
            Id = Ids.FromSeed(Ids.User, "report-bench-" + i),
            OrganizationId = Org,
            Email = $"learner{i}@bench.example",
            DisplayName = $"Learner Ångström {i}",
            Roles = [Role.Learner],
            CreatedAt = now,
        };
        var record = Enrollment.Create(
            certification, learner, i % 3 == 0 ? EnrollmentSource.SelfEnrolled : EnrollmentSource.Assigned, "usr_admin", now,
            i % 4 == 0 ? now.AddDays(-3) : now.AddDays(30));
        var met = i % 6;
        for (var c = 0; c < met && c < certification.Criteria.Count; c++)
        {
            var id = certification.Criteria[c].Id;
            record = Domain.Progress.EnrollmentChanges.WithCriterion(
                record, id, p => p with { State = CriterionState.Met, MetAt = now, UpdatedAt = now, MetBy = "lms" });
        }

        return i % 7 == 0
            ? record with
            {
                StartedAt = now,
                Reviews = [new Review { CriterionId = certification.Criteria[4].Id, ReviewerId = "usr_coach", ReviewerName = "Carla Coach",
                    Decision = ReviewDecision.Demonstrated, Rating = 4, Feedback = "Clear, well paced.", At = now }],
            }
            : record with { StartedAt = met > 0 ? now : null };
    }

    /// <summary>A stream that keeps nothing, as if the CSV went out over the network.</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Position += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
