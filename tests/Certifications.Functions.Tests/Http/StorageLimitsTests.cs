using System.Net;
using System.Net.Http.Json;
using Certifications.Domain.Progress;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

/// <summary>
/// Every record stays within Azure Table's limits however it is used: what grows (hand-ins, reviews) is rows of its
/// own, and every field and count has a limit answered with a clear 4xx, one past it changing nothing.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class StorageLimitsTests(DevHostFixture fixture)
{
    private static readonly string Accents = new('é', LearnerSteps.MaxEvidenceText);

    private static readonly object[] EvidenceAndReview = [new { kind = "activity", title = "Upload a role-play", evidenceRequired = true }];

    [Fact]
    public async Task Rework_cycles_of_the_longest_accented_evidence_and_feedback_all_land_and_read_back()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, EvidenceAndReview, "Zoë Ångström-Núñez");
        await s.SelfEnrollAsync();
        const int cycles = 8;
        for (var i = 0; i < cycles; i++)
        {
            var handIn = await s.UploadAsync("Upload a role-play", Accents, "%PDF-1.4 take"u8.ToArray());
            Assert.True(handIn.IsSuccessStatusCode, await handIn.Content.ReadAsStringAsync());
            (await s.SubmitAsync()).EnsureSuccessStatusCode();
            var review = await s.ReviewAsync("Upload a role-play", "NotDemonstrated", feedback: Accents);
            Assert.True(review.IsSuccessStatusCode, await review.Content.ReadAsStringAsync());
        }

        var detail = await s.DetailAsync(s.AsLearner);
        var criterion = detail["criteria"]![0]!;
        Assert.Equal(cycles, criterion["evidence"]!.AsArray().Count);
        Assert.Equal(cycles, criterion["reviews"]!.AsArray().Count);
        Assert.All(criterion["evidence"]!.AsArray(), e => Assert.Equal(Accents, e!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Evidence_text_and_hand_ins_stop_at_their_limits_with_a_clear_answer()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, EvidenceAndReview);
        await s.SelfEnrollAsync();

        var tooLong = await (await s.UploadAsync("Upload a role-play", Accents + "é")).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(tooLong["errors"]!["text"]);
        for (var i = 0; i < LearnerSteps.MaxEvidencePerCriterion; i++)
        {
            (await s.UploadAsync("Upload a role-play", $"take {i}")).EnsureSuccessStatusCode();
        }

        await (await s.UploadAsync("Upload a role-play", "one more")).Problem(HttpStatusCode.Conflict);
        Assert.Equal(LearnerSteps.MaxEvidencePerCriterion, (await s.DetailAsync(s.AsLearner))["criteria"]![0]!["evidence"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_file_name_too_long_is_refused_and_nothing_is_stored()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, EvidenceAndReview);
        await s.SelfEnrollAsync();
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent("%PDF-1.4"u8.ToArray());
        part.Headers.ContentType = new("application/pdf");
        form.Add(part, "file", new string('ß', 197) + ".pdf");

        await (await s.AsLearner.PostAsync($"enrollments/{s.EnrollmentId}/criteria/{s.Criterion("Upload a role-play")}/evidence", form)).Problem(
            HttpStatusCode.BadRequest);

        Assert.Empty((await s.DetailAsync(s.AsLearner))["criteria"]![0]!["evidence"]!.AsArray());
        var container = new Azure.Storage.Blobs.BlobContainerClient(fixture.StorageConnectionString, Storage.Common.ContainerNames.Evidence);
        await foreach (var _ in container.GetBlobsAsync(
            Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{s.Org.Id}/", CancellationToken.None))
        {
            Assert.Fail("an evidence file was left in storage");
        }
    }

    [Fact]
    public async Task A_certification_takes_criteria_up_to_what_its_row_keeps_and_not_one_past()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        object Criteria(int count) =>
            Enumerable.Range(0, count).Select(i => new { kind = "content", title = $"Kapitel {i} – Übung", description = new string('é', 2000) }).ToArray();

        var fits = await admin.PostAsJsonAsync("certifications", new { title = "Sécurité Übung 安全", criteria = Criteria(11) });
        var past = await (await admin.PostAsJsonAsync("certifications", new { title = "Sécurité Übung 安全", criteria = Criteria(13) })).Problem(
            HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        var id = (await fits.Json())["id"]!.GetValue<string>();
        Assert.Equal(11, (await (await admin.GetAsync($"certifications/{id}")).Json())["criteria"]!.AsArray().Count);
        Assert.Contains("characters", past["errors"]!["criteria"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single((await (await admin.GetAsync("certifications")).Json())["items"]!.AsArray());
    }

    [Fact]
    public async Task A_live_session_holds_up_to_twenty_calls_with_call_types_of_a_hundred_characters()
    {
        using var s = await WorkflowScenario.CreateAsync(
            fixture.Host, requireApproval: false, [new { kind = "live_session", title = "Live call", skills = new[] { "Greeting" } }]);
        await s.SelfEnrollAsync();
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3), TimeSpan.Zero).AddHours(10);
        var id = (await (await s.AsCoach.PostAsJsonAsync(
            "live-sessions", new { learnerId = s.Learner.Id, certificationId = s.CertificationId, criterionId = s.Criterion("Live call"), startsAt }))
            .Json())["id"]!.GetValue<string>();
        (await s.AsLearner.PostAsync($"live-sessions/{id}/join", null)).EnsureSuccessStatusCode();

        await (await s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/start", new { callType = new string('v', 101) })).Problem(HttpStatusCode.BadRequest);
        (await s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/start", new { callType = new string('ü', 100) })).EnsureSuccessStatusCode();
        for (var i = 1; i < 20; i++)
        {
            (await s.AsCoach.PostAsync($"live-sessions/{id}/calls", null)).EnsureSuccessStatusCode();
        }

        await (await s.AsCoach.PostAsync($"live-sessions/{id}/calls", null)).Problem(HttpStatusCode.Conflict);
        Assert.Equal(20, (await (await s.AsCoach.GetAsync($"live-sessions/{id}")).Json())["calls"]!.AsArray().Count);
    }
}

/// <summary>Forms and bodies are read within their limits even when the client sends no Content-Length.</summary>
[Collection(DevHostCollection.Name)]
public sealed class BoundedReadTests(DevHostFixture fixture)
{
    [Fact]
    public async Task A_chunked_multipart_import_past_its_limit_is_413_and_imports_nobody()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        var rows = "email,displayName,roles\n" + string.Concat(Enumerable.Range(0, 60_000).Select(i => $"user{i}@test.example,Usér {i},Learner\n"));
        using var form = new MultipartFormDataContent();
        form.Add(new StreamContent(new UnknownLengthStream(System.Text.Encoding.UTF8.GetBytes(rows))), "file", "users.csv");

        var response = await admin.PostAsync("users/import", form);

        await response.Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Single((await (await admin.GetAsync("users")).Json())["items"]!.AsArray());
    }

    /// <summary>A body whose length the client does not know, so it goes chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
