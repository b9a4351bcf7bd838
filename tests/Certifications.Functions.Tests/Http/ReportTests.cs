using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Certifications.DevHost.Triggers;
using Certifications.Domain.Catalog;
using Certifications.Domain.Enrollments;
using Certifications.Domain.People;
using Certifications.Domain.Progress;
using Certifications.Functions.Tests.Fixtures;
using Certifications.Storage.Catalog;
using Certifications.Storage.Common;
using Certifications.Storage.Enrollments;
using Certifications.Storage.Reports;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;

namespace Certifications.Functions.Tests.Http;

/// <summary>Reports on the dev host: the criteria progress CSV for a fixture covering every status, report runs, stored reports and their links.</summary>
[Collection(DevHostCollection.Name)]
public class ReportTests(DevHostFixture fixture)
{
    private const string Injection = "=HYPERLINK(\"http://evil.example\",\"Click me\")";

    [Fact]
    public async Task The_criteria_progress_report_has_one_row_per_learner_and_criterion_with_states_and_reviews()
    {
        var (org, certificationId) = await FixtureAsync();
        using var admin = org.AsAdmin();

        var response = await admin.GetAsync($"certifications/{certificationId}/reports/criteria-progress");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Parse(bytes);
        Assert.Equal(7 * 3, rows.Count);
        Assert.Equal(
            ["Earned", "In progress", "Not earned", "Not started", "Not started", "Started", "Submitted"],
            rows.GroupBy(r => r["Learner"]).Select(g => g.First()["Certification status"]).Order(StringComparer.Ordinal));
        var ned = rows.Single(r => r["Learner"] == "Ned NotEarned" && r["Criterion"] == "Upload a role-play");
        Assert.Equal(("Not demonstrated", "Carla Coach", "Not demonstrated", "2", "Too short; add the customer's side."),
            (ned["Criterion state"], ned["Reviewers"], ned["Decisions"], ned["Ratings"], ned["Feedback"]));
        Assert.Equal("Yes", rows.First(r => r["Learner"] == "Nora NotStarted")["Overdue"]);
        Assert.Equal("Self-enrolled", rows.First(r => r["Learner"] == "Sam Started")["Source"]);
        Assert.Contains(rows, r => r["Learner"] == "'" + Injection);
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v.StartsWith('=')));
    }

    [Fact]
    public async Task Only_admins_of_the_organization_get_reports()
    {
        var (org, certificationId) = await FixtureAsync();
        var coach = await org.AddUserAsync("Carla Coach", Role.Coach);
        var other = await TestOrganization.CreateAsync(fixture.Host);
        using var asCoach = org.As(coach);
        using var stranger = other.AsAdmin();

        await (await asCoach.GetAsync($"certifications/{certificationId}/reports/criteria-progress")).Problem(HttpStatusCode.Forbidden);
        await (await asCoach.PostAsync("reports/runs", null)).Problem(HttpStatusCode.Forbidden);
        await (await asCoach.GetAsync("reports")).Problem(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"certifications/{certificationId}/reports/criteria-progress")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_run_builds_the_program_report_whose_summary_matches_its_csv_and_one_run_goes_at_a_time()
    {
        var (org, certificationId) = await FixtureAsync();
        using var admin = org.AsAdmin();

        await (await admin.GetAsync("reports/program")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("reports/runs", null)).StatusCode);
        var busy = await (await admin.PostAsync("reports/runs", null)).Problem(HttpStatusCode.Conflict);
        Assert.Equal($"reports-{org.Id}", busy["run"]!["runId"]!.GetValue<string>());
        await Eventually.WaitUntilAsync(
            async () => (await (await admin.GetAsync("reports/runs/latest")).Json())["status"]!.GetValue<string>() == "Completed", "the run");

        var listed = (await (await admin.GetAsync("reports")).Json())["items"]!.AsArray();
        Assert.Equal(4, listed.Count);
        using var plain = new HttpClient();
        string Link(string file) =>
            listed.Single(r => r!["file"]!.GetValue<string>().StartsWith(file, StringComparison.Ordinal))!["downloadUrl"]!.GetValue<string>();
        var program = Parse(await plain.GetByteArrayAsync(Link("program-report.csv")));
        var html = await plain.GetStringAsync(Link("program-report.html"));
        var detail = Parse(await plain.GetByteArrayAsync(Link("criteria-progress-")));

        Assert.Equal(21, detail.Count);
        var counts = program.ToDictionary(r => r["Status"], r => int.Parse(r["Learners"], CultureInfo.InvariantCulture));
        Assert.Equal(
            (2, 1, 1, 1, 1, 1), (counts["Not started"], counts["Started"], counts["In progress"], counts["Submitted"], counts["Not earned"], counts["Earned"]));
        Assert.Equal("1", program[0]["Overdue learners (certification)"]);
        Assert.Equal("1", program[0]["Earned this month (certification)"]);
        foreach (var status in Enum.GetValues<EnrollmentStatus>())
        {
            var cell = Regex.Match(html, $"<td data-status=\"{status}\">(\\d+)</td>");
            Assert.Equal(counts[status.ToDisplayName()], int.Parse(cell.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Celebrate it where the team can see it.", html, StringComparison.Ordinal);

        // The page draws the same figures from the run's data.
        var data = (await (await admin.GetAsync("reports/program")).Json())["certifications"]!.AsArray().Single()!;
        Assert.Equal(certificationId, data["id"]!.GetValue<string>());
        Assert.Equal((1, 1), (data["overdue"]!.GetValue<int>(), data["earnedThisMonth"]!.GetValue<int>()));
        foreach (var row in data["statuses"]!.AsArray())
        {
            Assert.Equal(counts[row!["statusName"]!.GetValue<string>()], row["learners"]!.GetValue<int>());
            Assert.NotEmpty(row["coachActions"]!.AsArray());
        }

        // And the admin's home its overview: the organization's figures of the same run.
        var overview = (await (await admin.GetAsync("reports/program")).Json())["overview"]!;
        var months = overview["issuedByMonth"]!.AsArray();
        Assert.Equal(12, months.Count);
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-01", CultureInfo.InvariantCulture), months[^1]!["month"]!.GetValue<string>());
        Assert.Equal((1, 1), (overview["issuedThisMonth"]!.GetValue<int>(), months[^1]!["issued"]!.GetValue<int>()));
        Assert.Equal(0, months.Take(11).Sum(m => m!["issued"]!.GetValue<int>()));
        Assert.Equal(
            (1, 1, 0, 0),
            (overview["overdue"]!.GetValue<int>(), overview["reviewsWaiting"]!.GetValue<int>(), overview["notDelivered"]!.GetValue<int>(),
                overview["expiringSoon"]!.GetValue<int>()));
        foreach (var status in overview["learners"]!.AsArray())
        {
            Assert.Equal(counts[Enum.Parse<EnrollmentStatus>(status!["status"]!.GetValue<string>()).ToDisplayName()], status["learners"]!.GetValue<int>());
        }

        using var coach = org.As(await org.AddUserAsync("Carla Coach", Role.Coach));
        await (await coach.GetAsync("reports/program")).Problem(HttpStatusCode.Forbidden);

        // The catalog lists the run's counts beside each certification, for super admins.
        var catalog = (await (await admin.GetAsync("certifications")).Json())["items"]!.AsArray();
        var learners = catalog.Single(c => c!["id"]!.GetValue<string>() == certificationId)!["learners"]!;
        Assert.Equal((7, 1, 1), (learners["total"]!.GetValue<int>(), learners["overdue"]!.GetValue<int>(), learners["earned"]!.GetValue<int>()));
        var asCoach = (await (await coach.GetAsync("certifications")).Json())["items"]!.AsArray();
        Assert.All(asCoach, c => Assert.Null(c!["learners"]));
    }

    [Fact]
    public async Task The_nightly_run_builds_reports_for_organizations_with_the_add_on_only()
    {
        var (enabled, _) = await FixtureAsync();
        var disabled = await TestOrganization.CreateAsync(fixture.Host, certificationsEnabled: false);
        var store = fixture.Host.Services.GetRequiredService<ReportStore>();

        await fixture.Host.Services.GetRequiredService<TimerTriggers>().RunAsync("BuildNightlyReports", CancellationToken.None);

        await Eventually.WaitUntilAsync(async () => (await store.ListAsync(enabled.Id)).Count == 4, "the enabled organization's reports", seconds: 90);
        Assert.Empty(await store.ListAsync(disabled.Id));
    }

    [Fact]
    public async Task Download_links_stop_working_when_they_expire()
    {
        var links = fixture.Host.Services.GetRequiredService<BlobLinks>();
        var (org, _) = await FixtureAsync();
        var name = ReportStore.Name(org.Id, DateOnly.FromDateTime(DateTime.UtcNow), "probe.csv");
        var blob = await fixture.Host.Services.GetRequiredService<ReportStore>().OpenWriteAsync(name, "text/csv");
        await using (blob)
        {
            await blob.WriteAsync("a,b\r\n"u8.ToArray());
        }

        using var plain = new HttpClient();
        var live = await links.ReadLinkAsync(ContainerNames.Reports, name, "probe.csv", "text/csv", TimeSpan.FromMinutes(15), DateTimeOffset.UtcNow);
        var expired = await links.ReadLinkAsync(
            ContainerNames.Reports, name, "probe.csv", "text/csv", TimeSpan.FromMinutes(15), DateTimeOffset.UtcNow.AddMinutes(-20));

        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync(live)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await plain.GetAsync(expired)).StatusCode);
    }

    /// <summary>An organization with one certification (content, evidence, review) and seven learners covering every status.</summary>
    private async Task<(TestOrganization Org, string CertificationId)> FixtureAsync()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        var created = await (await admin.PostAsJsonAsync(
            "certifications", new { title = "Customer Conversations", criteria = WorkflowScenario.EveryManualKind })).Json();
        var id = created["id"]!.GetValue<string>();
        (await admin.PostAsync($"certifications/{id}/publish", null)).EnsureSuccessStatusCode();
        var certification = (await fixture.Host.Services.GetRequiredService<CertificationRepository>().GetAsync(org.Id, id))!.Value;
        var (content, upload, review) = (certification.Criteria[0].Id, certification.Criteria[1].Id, certification.Criteria[2].Id);
        var now = DateTimeOffset.UtcNow;

        var records = new List<Enrollment>
        {
            await NewAsync(org, certification, "Nora NotStarted", e => e with { DueDate = now.AddDays(-1) }),
            await NewAsync(org, certification, Injection, e => e),
            await NewAsync(org, certification, "Sam Started", e => e with { StartedAt = now, Source = EnrollmentSource.SelfEnrolled }),
            await NewAsync(org, certification, "Ivy InProgress", e => Met(e with { StartedAt = now }, now, content)),
            await NewAsync(org, certification, "Sue Submitted", e => Met(e with { StartedAt = now, SubmittedAt = now }, now, content)
                .WithCriterion(upload, c => c with { State = CriterionState.AwaitingAssessment, UpdatedAt = now })
                .WithCriterion(review, c => c with { State = CriterionState.AwaitingAssessment, UpdatedAt = now })),
            await NewAsync(org, certification, "Ned NotEarned", e => Met(e with { StartedAt = now, SubmittedAt = now }, now, content, review)
                .WithCriterion(upload, c => c with { State = CriterionState.NotDemonstrated, UpdatedAt = now }) with
            {
                Reviews = [Review(upload, ReviewDecision.NotDemonstrated, 2, "Too short; add the customer's side.", now)],
            }),
            await NewAsync(
                org, certification, "Eve Earned", e => Met(e with { StartedAt = now, SubmittedAt = now, EarnedAt = now }, now, content, upload, review) with
            {
                Reviews = [Review(upload, ReviewDecision.Demonstrated, 5, "Clear.", now), Review(review, ReviewDecision.Demonstrated, 4, null, now)],
            }),
        };
        var repository = fixture.Host.Services.GetRequiredService<EnrollmentRepository>();
        foreach (var record in records)
        {
            _ = (await repository.CreateAsync(record)).Value;
        }

        return (org, id);
    }

    private static async Task<Enrollment> NewAsync(TestOrganization org, Certification certification, string name, Func<Enrollment, Enrollment> shape)
    {
        // The display name is the attack; the e-mail address stays an ordinary one.
        var learner = await org.AddUserAsync(name.StartsWith('=') ? "Mallory Formula" : name) with { DisplayName = name };
        return shape(Enrollment.Create(certification, learner, EnrollmentSource.Assigned, org.Admin.Id, DateTimeOffset.UtcNow));
    }

    private static Enrollment Met(Enrollment enrollment, DateTimeOffset now, params string[] criteria) =>
        criteria.Aggregate(
            enrollment, (e, id) => e.WithCriterion(id, c => c with { State = CriterionState.Met, MetAt = now, UpdatedAt = now, MetBy = "reviewer" }));

    private static Review Review(string criterionId, ReviewDecision decision, int rating, string? feedback, DateTimeOffset at) => new()
    {
        CriterionId = criterionId,
        ReviewerId = "usr_coach",
        ReviewerName = "Carla Coach",
        Decision = decision,
        Rating = rating,
        Feedback = feedback,
        At = at,
    };

    private static List<Dictionary<string, string>> Parse(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv), detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvReader(reader, CultureInfo.InvariantCulture);
        parser.Read();
        parser.ReadHeader();
        var header = parser.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (parser.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => parser.GetField(h) ?? string.Empty));
        }

        return rows;
    }
}
