using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Blobs;
using Certifications.Functions.Tests.Fixtures;
using Certifications.Storage.Common;

namespace Certifications.Functions.Tests.Http;

/// <summary>The workflow end to end: HTTP on the dev host, the real durable engine on Azurite.</summary>
[Collection(DevHostCollection.Name)]
public class WorkflowTests(DevHostFixture fixture)
{
    private static readonly byte[] Pdf = "%PDF-1.4 role-play transcript"u8.ToArray();

    [Fact]
    public async Task A_learner_goes_from_self_enrollment_through_content_evidence_and_a_review_to_earned()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, WorkflowScenario.EveryManualKind);
        await s.SelfEnrollAsync();

        Assert.Equal("Started", (await (await s.AsLearner.PostAsync($"enrollments/{s.EnrollmentId}/start", null)).Json())["status"]!.GetValue<string>());
        Assert.Equal("InProgress", (await (await s.CompleteAsync("Read the guide")).Json())["status"]!.GetValue<string>());
        (await s.UploadAsync("Upload a role-play", "My recorded call", Pdf)).EnsureSuccessStatusCode();
        (await s.SubmitAsync()).EnsureSuccessStatusCode();
        (await s.ReviewAsync("Upload a role-play", "Demonstrated")).EnsureSuccessStatusCode();
        (await s.ReviewAsync("Coach observes a call", "Demonstrated")).EnsureSuccessStatusCode();

        var earned = await s.WaitForStatusAsync("Earned");
        var certificateId = earned["certificateId"]!.GetValue<string>();
        Assert.StartsWith("cer_", certificateId, StringComparison.Ordinal);
        Assert.Equal(1, await fixture.IssuedCertificatesOfAsync(s.EnrollmentId!));
        var evidence = earned["criteria"]![1]!["evidence"]![0]!;
        Assert.Equal(
            ("My recorded call", "role-play.pdf", Pdf.Length),
            (evidence["text"]!.GetValue<string>(), evidence["files"]![0]!["name"]!.GetValue<string>(), evidence["files"]![0]!["size"]!.GetValue<int>()));
    }

    [Fact]
    public async Task An_approval_request_goes_to_the_learners_coach_and_the_active_super_admins_only()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: true, WorkflowScenario.EveryManualKind);
        var secondAdmin = await s.Org.AddUserAsync("Åsa Admin", Domain.People.Role.SuperAdmin);
        var gone = await s.Org.AddUserAsync("Gone Admin", Domain.People.Role.SuperAdmin);
        (await s.AsAdmin.DeleteAsync($"users/{gone.Id}")).EnsureSuccessStatusCode();
        await MeetEverythingAsync(s);

        await s.WaitUntilAsync(d => d["approval"]!.GetValue<string>() == "Awaiting", "an approval request");

        var requests = Directory.GetFiles(fixture.Outbox, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => (m.Subject ?? string.Empty).StartsWith("Approval needed", StringComparison.Ordinal)
                && m.To.Mailboxes.Any(b => b.Address == s.Coach.Email || b.Address == s.Org.Admin.Email))
            .ToArray();
        Assert.Equal(
            new[] { s.Coach.Email, s.Org.Admin.Email, secondAdmin.Email }.Order(StringComparer.Ordinal),
            requests.SelectMany(r => r.To.Mailboxes).Select(b => b.Address).Order(StringComparer.Ordinal));

        // Its links open each reviewer's pages of the web app: the coach's queue and her review of this submission; the
        // admins' (who review no queue) the certification's submitted records and the record as an admin opens it.
        var toCoach = (requests.Single(r => r.To.Mailboxes.Any(b => b.Address == s.Coach.Email)).TextBody ?? string.Empty).ReplaceLineEndings("\n");
        Assert.Contains($"{fixture.Host.BaseUrl}/coach/reviews\n", toCoach, StringComparison.Ordinal);
        Assert.Contains($"{fixture.Host.BaseUrl}/coach/reviews/{s.EnrollmentId}", toCoach, StringComparison.Ordinal);
        var toAdmins = requests.Single(r => r.To.Mailboxes.Any(b => b.Address == s.Org.Admin.Email));
        Assert.Contains(toAdmins.To.Mailboxes, b => b.Address == secondAdmin.Email);
        var text = toAdmins.TextBody ?? string.Empty;
        Assert.Contains(
            "Everything in this certification that waits for a review or an approval: "
            + $"{fixture.Host.BaseUrl}/admin/certifications/{s.CertificationId}/records?status=Submitted",
            text, StringComparison.Ordinal);
        Assert.Contains($"{fixture.Host.BaseUrl}/admin/enrollments/{s.EnrollmentId}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", toCoach, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_approval_the_reviewers_decide_and_a_rejection_leaves_it_not_earned()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: true, WorkflowScenario.EveryManualKind);
        await MeetEverythingAsync(s);

        await s.WaitForStatusAsync("Submitted");
        var queue = await (await s.AsCoach.GetAsync("reviews/queue")).Json();
        Assert.True(queue["items"]![0]!["awaitingApproval"]!.GetValue<bool>());
        (await s.DecideAsync("Reject", "The close was missing.")).EnsureSuccessStatusCode();

        var rejected = await s.WaitForStatusAsync("NotEarned");
        Assert.Null(rejected["certificateId"]);
        Assert.Equal("The close was missing.", rejected["approvalDecisions"]![0]!["comment"]!.GetValue<string>());
        await (await s.DecideAsync("Approve", "Changed my mind")).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task After_a_rejection_the_learner_resubmits_and_is_approved_to_earned()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: true, WorkflowScenario.EveryManualKind);
        await MeetEverythingAsync(s);
        await s.WaitForStatusAsync("Submitted");
        (await s.DecideAsync("Reject", "Redo the role-play with a close.")).EnsureSuccessStatusCode();
        await s.WaitForStatusAsync("NotEarned");

        (await s.UploadAsync("Upload a role-play", "Second take, with the close", Pdf)).EnsureSuccessStatusCode();
        Assert.Equal("InProgress", (await s.DetailAsync())["status"]!.GetValue<string>());
        (await s.SubmitAsync()).EnsureSuccessStatusCode();
        (await s.ReviewAsync("Upload a role-play", "Demonstrated")).EnsureSuccessStatusCode();
        await s.WaitUntilAsync(d => d["approval"]!.GetValue<string>() == "Awaiting", "a second approval request");
        (await s.DecideAsync("Approve", "Much better.")).EnsureSuccessStatusCode();

        var earned = await s.WaitForStatusAsync("Earned");
        Assert.Equal(2, earned["approvalDecisions"]!.AsArray().Count);
        Assert.Equal(1, await fixture.IssuedCertificatesOfAsync(s.EnrollmentId!));
    }

    [Fact]
    public async Task The_same_decision_twice_and_a_second_reviewer_at_once_give_one_review()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, WorkflowScenario.EveryManualKind);
        await s.SelfEnrollAsync();
        using var admin = s.Org.AsAdmin();

        var answers = await Task.WhenAll(
            s.ReviewAsync("Coach observes a call", "Demonstrated"),
            s.ReviewAsync("Coach observes a call", "Demonstrated"),
            s.ReviewAsync("Coach observes a call", "Demonstrated", "Seen it too.", admin));

        var reviews = (await s.DetailAsync())["criteria"]![2]!["reviews"]!.AsArray();
        Assert.Single(reviews);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{a.StatusCode}"));
    }

    [Fact]
    public async Task Reviews_by_another_coach_are_not_found_and_decisions_nothing_awaits_are_conflicts()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: true, WorkflowScenario.EveryManualKind);
        await s.SelfEnrollAsync();
        using var otherCoach = s.Org.As(await s.Org.AddUserAsync("Colin Coach", Domain.People.Role.Coach));

        await (await s.ReviewAsync("Coach observes a call", "Demonstrated", reviewer: otherCoach)).Problem(HttpStatusCode.NotFound);
        await (await s.ReviewAsync("Upload a role-play", "Demonstrated")).Problem(HttpStatusCode.Conflict);
        await (await s.DecideAsync("Approve", "ok")).Problem(HttpStatusCode.Conflict);
        await (await s.ReviewAsync("Coach observes a call", "Demonstrated", reviewer: s.AsLearner)).Problem(HttpStatusCode.Forbidden);
        Assert.Empty((await s.DetailAsync())["criteria"]![2]!["reviews"]!.AsArray());
    }

    [Fact]
    public async Task Evidence_too_large_or_of_a_refused_type_is_refused_and_nothing_is_stored()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, WorkflowScenario.EveryManualKind);
        await s.SelfEnrollAsync();

        await (await s.UploadAsync("Upload a role-play", "big", new byte[(10 * 1024 * 1024) + 1])).Problem(HttpStatusCode.RequestEntityTooLarge);
        await (await s.UploadAsync("Upload a role-play", "script", "#!/bin/sh"u8.ToArray(), "application/x-sh")).Problem(HttpStatusCode.UnsupportedMediaType);
        await (await s.AsLearner.PostAsJsonAsync(
            $"enrollments/{s.EnrollmentId}/criteria/{s.Criterion("Upload a role-play")}/evidence", new { text = "json" })).Problem(
            HttpStatusCode.UnsupportedMediaType);

        var stored = 0;
        await foreach (var _ in new BlobContainerClient(fixture.StorageConnectionString, ContainerNames.Evidence).GetBlobsAsync(
            Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{s.Org.Id}/", CancellationToken.None))
        {
            stored++;
        }

        Assert.Equal(0, stored);
        Assert.Equal("NotStarted", (await s.DetailAsync())["criteria"]![1]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Admins_see_the_workflow_state_learners_do_not()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, WorkflowScenario.EveryManualKind);
        await s.SelfEnrollAsync();

        var forAdmin = await s.DetailAsync();
        var forLearner = await s.DetailAsync(s.AsLearner);

        Assert.Equal(s.EnrollmentId, forAdmin["workflow"]!["instanceId"]!.GetValue<string>());
        Assert.Contains(forAdmin["workflow"]!["runtimeStatus"]!.GetValue<string>(), new[] { "Running", "Pending" });
        Assert.Null(forLearner["workflow"]);
    }

    [Fact]
    public async Task Withdrawing_ends_the_workflow_without_a_certificate()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, WorkflowScenario.EveryManualKind);
        await s.SelfEnrollAsync();

        (await s.AsLearner.DeleteAsync($"enrollments/{s.EnrollmentId}")).EnsureSuccessStatusCode();

        var ended = await s.WaitUntilAsync(d => d["workflow"]?["runtimeStatus"]?.GetValue<string>() == "Completed", "the workflow to end");
        Assert.NotNull(ended["withdrawnAt"]);
        Assert.Equal(0, await fixture.CertificatesOfAsync(s.EnrollmentId!));
    }

    private static async Task MeetEverythingAsync(WorkflowScenario s)
    {
        await s.SelfEnrollAsync();
        (await s.CompleteAsync("Read the guide")).EnsureSuccessStatusCode();
        (await s.UploadAsync("Upload a role-play", "My recorded call", Pdf)).EnsureSuccessStatusCode();
        (await s.SubmitAsync()).EnsureSuccessStatusCode();
        (await s.ReviewAsync("Upload a role-play", "Demonstrated")).EnsureSuccessStatusCode();
        (await s.ReviewAsync("Coach observes a call", "Demonstrated")).EnsureSuccessStatusCode();
    }
}
