using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Certifications.Domain.Organizations;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

/// <summary>The LMS webhook: signed deliveries complete criteria; bad ones change nothing; redeliveries are one effect.</summary>
[Collection(DevHostCollection.Name)]
public class LmsWebhookTests(DevHostFixture fixture)
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static readonly object[] LmsCriteria =
    [
        new { kind = "content", title = "Read the guide", externalActivityId = "guide" },
        new { kind = "activity", title = "Pass the quiz", externalActivityId = "quiz", minScore = 80 },
        new { kind = "activity", title = "Finish the simulation", externalActivityId = "simulation" },
    ];

    [Fact]
    public async Task Three_completions_by_webhook_alone_take_a_learner_to_earned()
    {
        using var s = await ScenarioAsync();

        foreach (var (activity, score) in new[] { ("guide", (int?)null), ("quiz", 92), ("simulation", null) })
        {
            var answer = await (await DeliverAsync(s, Guid.NewGuid().ToString(), Completion(s, activity, score))).Json();
            Assert.Equal("completed", answer["outcome"]!.GetValue<string>());
        }

        var earned = await s.WaitForStatusAsync("Earned");
        Assert.Equal(92, earned["criteria"]![1]!["score"]!.GetValue<int>());
        Assert.Equal("lms", earned["criteria"]![1]!["metBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Completions_that_come_with_the_assignment_all_count()
    {
        // A signal can reach a workflow before the engine has processed its start, and the engine drops such a signal;
        // the workflow's first read of the table is what still counts the change. Twelve learners assigned and their
        // completions posted at once, as an LMS catching up would, must all end Earned.
        using var s = await ScenarioAsync();
        var learners = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => s.Org.AddUserAsync($"Burst{i} Learner")));
        (await s.AsAdmin.PostAsJsonAsync($"certifications/{s.CertificationId}/assignments", new { learnerIds = learners.Select(l => l.Id) }))
            .EnsureSuccessStatusCode();

        await Task.WhenAll(learners.Select(async learner =>
        {
            foreach (var (activity, score) in new[] { ("guide", (int?)null), ("quiz", 95), ("simulation", null) })
            {
                (await DeliverAsync(s, Guid.NewGuid().ToString(), Completion(learner.Email, activity, score))).EnsureSuccessStatusCode();
            }
        }));

        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        var pending = learners.Select(l => Domain.Enrollments.EnrollmentIds.For(s.CertificationId, l.Id)).ToList();
        while (pending.Count > 0 && DateTimeOffset.UtcNow < deadline)
        {
            var statuses = await Task.WhenAll(
                pending.Select(async id => (id, status: (await (await s.AsAdmin.GetAsync($"enrollments/{id}")).Json())["status"]!.GetValue<string>())));
            pending = [.. statuses.Where(x => x.status != "Earned").Select(x => x.id)];
            await Task.Delay(pending.Count > 0 ? 250 : 0);
        }

        Assert.Empty(pending);
    }

    [Fact]
    public async Task A_completion_after_the_record_changed_elsewhere_is_decided_on_the_record_as_it_is_now()
    {
        // The webhook keeps the record it wrote for the LMS's next delivery; a withdrawal in between must still win.
        using var s = await ScenarioAsync();
        Assert.Equal("completed", (await (await DeliverAsync(s, "msg_first", Completion(s, "guide", null))).Json())["outcome"]!.GetValue<string>());
        (await s.AsAdmin.DeleteAsync($"enrollments/{s.EnrollmentId}")).EnsureSuccessStatusCode();

        var answer = await (await DeliverAsync(s, "msg_after", Completion(s, "quiz", 95))).Json();

        Assert.NotEqual("completed", answer["outcome"]!.GetValue<string>());
        var detail = await s.DetailAsync();
        Assert.NotNull(detail["withdrawnAt"]);
        Assert.Equal("NotStarted", detail["criteria"]![1]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_delivery_five_times_at_once_is_one_effect()
    {
        using var s = await ScenarioAsync();
        var body = Completion(s, "guide", null);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => DeliverAsync(s, "msg_same", body)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Json()));
        Assert.Equal(4, bodies.Count(b => b["duplicate"]!.GetValue<bool>()));
        var guide = (await s.DetailAsync())["criteria"]![0]!;
        Assert.Equal("Met", guide["state"]!.GetValue<string>());
        Assert.Equal("InProgress", (await s.DetailAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_score_under_the_minimum_completes_nothing()
    {
        using var s = await ScenarioAsync();

        var answer = await (await DeliverAsync(s, "msg_low", Completion(s, "quiz", 79))).Json();

        Assert.StartsWith("nothing to complete", answer["outcome"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("NotStarted", (await s.DetailAsync())["criteria"]![1]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_learners_and_activities_are_acknowledged_and_recorded()
    {
        using var s = await ScenarioAsync();

        var stranger = await (await DeliverAsync(
            s, "msg_stranger", JsonBody(new { type = "activity.completed", learner = new { email = "nobody@test.example" }, activityId = "guide" }))).Json();
        var unknownActivity = await (await DeliverAsync(s, "msg_unknown", Completion(s, "not-ours", null))).Json();
        var replay = await (await DeliverAsync(
            s, "msg_stranger", JsonBody(new { type = "activity.completed", learner = new { email = "nobody@test.example" }, activityId = "guide" }))).Json();

        Assert.Equal("unknown learner", stranger["outcome"]!.GetValue<string>());
        Assert.Equal("unknown activity", unknownActivity["outcome"]!.GetValue<string>());
        Assert.True(replay["duplicate"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Learners_are_matched_by_their_external_id_too()
    {
        using var s = await ScenarioAsync();
        using var admin = s.Org.AsAdmin();
        var user = await (await admin.GetAsync($"users/{s.Learner.Id}")).Json();
        (await admin.PutAsJsonAsync(
            $"users/{s.Learner.Id}",
            new
            {
                email = s.Learner.Email,
                displayName = s.Learner.DisplayName,
                roles = new[] { "Learner" },
                groupIds = user["groupIds"],
                coachId = s.Coach.Id,
                externalId = "lms-4711"
            })).EnsureSuccessStatusCode();

        var answer = await (await DeliverAsync(
            s, "msg_ext", JsonBody(new { type = "activity.completed", learner = new { externalId = "lms-4711" }, activityId = "guide" }))).Json();

        Assert.Equal("completed", answer["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_external_id_belongs_to_one_user_only()
    {
        using var s = await ScenarioAsync();
        using var admin = s.Org.AsAdmin();
        (await admin.PostAsJsonAsync(
            "users", new { email = "first@test.example", displayName = "First", roles = new[] { "Learner" }, externalId = "lms/4711#ä" }))
            .EnsureSuccessStatusCode();

        var taken = await (await admin.PostAsJsonAsync(
            "users", new { email = "second@test.example", displayName = "Second", roles = new[] { "Learner" }, externalId = "lms/4711#ä" }))
            .Problem(HttpStatusCode.Conflict);

        Assert.Contains("external id", taken["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var answer = await (await DeliverAsync(
            s, "msg_ext2", JsonBody(new { type = "activity.completed", learner = new { externalId = "lms/4711#ä" }, activityId = "guide" }))).Json();
        Assert.NotEqual("unknown learner", answer["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fields_an_lms_adds_are_ignored_and_required_ones_still_checked()
    {
        using var s = await ScenarioAsync();

        var extra = JsonBody(
            new
            {
                type = "activity.completed",
                learner = new { email = s.Learner.Email, name = "Lena", lmsUserId = 7 },
                activityId = "guide",
                course = new { id = 3 },
                attempt = 2
            });
        var answer = await (await DeliverAsync(s, "msg_extra", extra)).Json();
        var missing = await (await DeliverAsync(
            s, "msg_missing", JsonBody(new { type = "activity.completed", learner = new { email = s.Learner.Email }, course = 3 })))
            .Problem(HttpStatusCode.BadRequest);

        Assert.Equal("completed", answer["outcome"]!.GetValue<string>());
        Assert.NotNull(missing["errors"]!["activityId"]);
    }

    [Fact]
    public async Task A_completion_dated_in_the_future_or_at_the_start_of_time_is_400_and_applies_nothing()
    {
        using var s = await ScenarioAsync();
        byte[] At(DateTimeOffset when) =>
            JsonBody(new { type = "activity.completed", learner = new { email = s.Learner.Email }, activityId = "guide", completedAt = when });

        var future = await (await DeliverAsync(s, "msg_future", At(new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero))))
            .Problem(HttpStatusCode.BadRequest);
        var ancient = await (await DeliverAsync(s, "msg_ancient", At(DateTimeOffset.MinValue))).Problem(HttpStatusCode.BadRequest);

        Assert.NotNull(future["errors"]!["completedAt"]);
        Assert.NotNull(ancient["errors"]!["completedAt"]);
        Assert.Equal("NotStarted", (await s.DetailAsync())["criteria"]![0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_webhook_id_too_long_for_a_key_is_400_and_applies_nothing()
    {
        using var s = await ScenarioAsync();

        await (await DeliverAsync(s, new string('m', 2000), Completion(s, "guide", null))).Problem(HttpStatusCode.BadRequest);

        Assert.Equal("NotStarted", (await s.DetailAsync())["criteria"]![0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_signature_or_an_old_timestamp_is_401_and_changes_nothing()
    {
        using var s = await ScenarioAsync();
        var body = Completion(s, "guide", null);

        await (await DeliverAsync(s, "msg_forged", body, secret: "whsec_" + Convert.ToBase64String(new byte[32]))).Problem(HttpStatusCode.Unauthorized);
        await (await DeliverAsync(s, "msg_old", body, timestamp: DateTimeOffset.UtcNow.AddMinutes(-6))).Problem(HttpStatusCode.Unauthorized);
        await (await DeliverAsync(s, "msg_unsigned", body, sign: false)).Problem(HttpStatusCode.Unauthorized);

        Assert.Equal("NotStarted", (await s.DetailAsync())["criteria"]![0]!["state"]!.GetValue<string>());
        Assert.Equal("completed", (await (await DeliverAsync(s, "msg_old", body)).Json())["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_secret_is_kept_encrypted_in_the_table()
    {
        using var s = await ScenarioAsync();

        var row = await new Azure.Data.Tables.TableClient(fixture.StorageConnectionString, Storage.Common.TableNames.Organizations)
            .GetEntityAsync<Azure.Data.Tables.TableEntity>(s.Org.Id, "settings");

        var stored = row.Value.GetString("WebhookSecret");
        Assert.StartsWith("enc1.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[6..], row.Value.Select(p => p.Value?.ToString() ?? string.Empty).Aggregate(string.Concat), StringComparison.Ordinal);
        Assert.Equal("completed", (await (await DeliverAsync(s, "msg_enc", Completion(s, "guide", null))).Json())["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_a_new_secret_is_set_deliveries_signed_with_the_old_one_still_land()
    {
        using var s = await ScenarioAsync();
        var fresh = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        (await s.AsAdmin.PutAsJsonAsync("org/settings", new { webhookSecret = fresh })).EnsureSuccessStatusCode();

        var byOld = await (await DeliverAsync(s, "msg_old_secret", Completion(s, "guide", null))).Json();
        var byNew = await (await DeliverAsync(s, "msg_new_secret", Completion(s, "quiz", 95), secret: fresh)).Json();

        Assert.Equal("completed", byOld["outcome"]!.GetValue<string>());
        Assert.Equal("completed", byNew["outcome"]!.GetValue<string>());
        await (await DeliverAsync(s, "msg_forged_secret", Completion(s, "simulation", null), secret: "whsec_" + Convert.ToBase64String(new byte[32])))
            .Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_secret_is_never_shown_in_full()
    {
        using var s = await ScenarioAsync();
        using var admin = s.Org.AsAdmin();

        var settings = await (await admin.GetAsync("org/settings")).Content.ReadAsStringAsync();

        Assert.DoesNotContain(Secret[6..^4], settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verified_deliveries_are_listed_newest_first_page_by_page_once_each_for_super_admins_of_their_organization_only()
    {
        using var s = await ScenarioAsync();
        await DeliverAsync(s, "msg_1-uebung", Completion(s, "guide", null));
        await DeliverAsync(s, "msg_2", Completion("nobody@northwind.example", "quiz", 90));
        await DeliverAsync(s, "msg_3", Completion(s, "quiz", 95));
        await DeliverAsync(s, "msg_3", Completion(s, "quiz", 95));
        await DeliverAsync(s, "msg_forged", Completion(s, "simulation", null), secret: "whsec_c29tZXRoaW5nIGVsc2UgZW50aXJlbHk=");

        var first = await (await s.AsAdmin.GetAsync("webhooks/lms/deliveries?pageSize=2")).Json();
        var token = Uri.EscapeDataString(first["continuationToken"]!.GetValue<string>());
        var second = await (await s.AsAdmin.GetAsync($"webhooks/lms/deliveries?pageSize=2&continuationToken={token}")).Json();

        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).ToList();
        Assert.Equal(["msg_3", "msg_2", "msg_1-uebung"], listed.Select(d => d!["webhookId"]!.GetValue<string>()));
        Assert.Equal(["completed", "unknown learner", "completed"], listed.Select(d => d!["outcome"]!.GetValue<string>()));
        Assert.Equal(1, listed[0]!["completedEnrollments"]!.GetValue<int>());
        await (await s.AsLearner.GetAsync("webhooks/lms/deliveries")).Problem(HttpStatusCode.Forbidden);
        var elsewhere = await TestOrganization.CreateAsync(fixture.Host);
        using var stranger = elsewhere.AsAdmin();
        Assert.Empty((await (await stranger.GetAsync("webhooks/lms/deliveries")).Json())["items"]!.AsArray());
    }

    private async Task<WorkflowScenario> ScenarioAsync()
    {
        var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, LmsCriteria);
        using var admin = s.Org.AsAdmin();
        (await admin.PutAsJsonAsync("org/settings", new { webhookSecret = Secret })).EnsureSuccessStatusCode();
        await s.SelfEnrollAsync();
        return s;
    }

    private static byte[] Completion(WorkflowScenario s, string activity, int? score) => Completion(s.Learner.Email, activity, score);

    private static byte[] Completion(string email, string activity, int? score) =>
        JsonBody(new { type = "activity.completed", learner = new { email }, activityId = activity, completedAt = DateTimeOffset.UtcNow, score });

    private static byte[] JsonBody(object body) => JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);

    private Task<HttpResponseMessage> DeliverAsync(
        WorkflowScenario s, string id, byte[] body, string secret = Secret, DateTimeOffset? timestamp = null, bool sign = true)
    {
        var at = (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/lms/{s.Org.Id}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", at.ToString(CultureInfo.InvariantCulture));
        if (sign)
        {
            request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, id, at, body));
        }

        return fixture.Anonymous.SendAsync(request);
    }
}
