using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

/// <summary>A dev host stopped in the middle of a workflow, and another started on the same storage and task hub.</summary>
[Collection(DevHostCollection.Name)]
public class RestartTests(DevHostFixture fixture)
{
    [Fact]
    public async Task A_workflow_interrupted_by_a_stopped_host_resumes_on_the_next_and_awards_once()
    {
        var hub = new Dictionary<string, string?> { ["DevHost:TaskHub"] = "restart" + Guid.NewGuid().ToString("N")[..10] };
        var first = await fixture.StartHostAsync(hub);
        using var before = await WorkflowScenario.CreateAsync(first, requireApproval: true, WorkflowScenario.EveryManualKind);
        await before.SelfEnrollAsync();
        (await before.CompleteAsync("Read the guide")).EnsureSuccessStatusCode();
        (await before.UploadAsync("Upload a role-play", "My call", "%PDF-1.4"u8.ToArray())).EnsureSuccessStatusCode();
        (await before.SubmitAsync()).EnsureSuccessStatusCode();
        (await before.ReviewAsync("Upload a role-play", "Demonstrated")).EnsureSuccessStatusCode();

        // The last criterion is met and the workflow is signalled; the host goes away before it can ask for approval.
        (await before.ReviewAsync("Coach observes a call", "Demonstrated")).EnsureSuccessStatusCode();
        await first.DisposeAsync();

        var second = await fixture.StartHostAsync(hub);
        try
        {
            using var after = before.On(second);
            await after.WaitUntilAsync(
                d => d["approval"]!.GetValue<string>() == "Awaiting", "the approval request after the restart", TimeSpan.FromSeconds(120));
            (await after.DecideAsync("Approve", "Good work.")).EnsureSuccessStatusCode();

            var earned = await after.WaitForStatusAsync("Earned");
            Assert.Single(earned["approvalDecisions"]!.AsArray());
            Assert.Equal(1, await fixture.IssuedCertificatesOfAsync(before.EnrollmentId!));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
