using System.Net;
using System.Net.Http.Json;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

/// <summary>The routes the web app added: what I may enroll in, my certificates, my team, and a hand-in's files.</summary>
[Collection(DevHostCollection.Name)]
public class WebAppRoutesTests(DevHostFixture fixture)
{
    [Fact]
    public async Task Discover_lists_what_I_may_enroll_in_until_I_have_enrolled()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, WorkflowScenario.EveryManualKind);

        Assert.Contains(s.CertificationId, (await (await s.AsLearner.GetAsync("me/discover")).Json()).Ids("id"));
        await s.SelfEnrollAsync();
        Assert.DoesNotContain(s.CertificationId, (await (await s.AsLearner.GetAsync("me/discover")).Json()).Ids("id"));

        // Another learner of the organization without view access never sees it.
        using var outsider = s.Org.As(await s.Org.AddUserAsync("Olga Outside"));
        Assert.DoesNotContain(s.CertificationId, (await (await outsider.GetAsync("me/discover")).Json()).Ids("id"));
    }

    [Fact]
    public async Task My_certificates_give_the_public_verification_link_and_whether_recertifying_is_open()
    {
        using var s = await WorkflowScenario.CreateAsync(
            fixture.Host, requireApproval: false, [new { kind = "content", title = "Lire le guide" }], "Zoë Ångström-Núñez", "Sécurité 安全");
        await s.SelfEnrollAsync();
        (await s.CompleteAsync("Lire le guide")).EnsureSuccessStatusCode();
        var issued = await s.RenderedCertificateAsync();

        var mine = (await (await s.AsLearner.GetAsync("me/certificates")).Json())["items"]!.AsArray();

        var certificate = Assert.Single(mine)!;
        Assert.Equal(issued["id"]!.GetValue<string>(), certificate["id"]!.GetValue<string>());
        Assert.Equal("Sécurité 安全", certificate["certification"]!.GetValue<string>());
        Assert.EndsWith($"/api/verify/{issued["id"]!.GetValue<string>()}", certificate["verifyUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("http", certificate["verifyUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(certificate["canRecertify"]!.GetValue<bool>());
        Assert.Empty((await (await s.AsCoach.GetAsync("me/certificates")).Json())["items"]!.AsArray());
    }

    [Fact]
    public async Task My_team_is_the_coachs_own_learners_and_a_learner_has_none()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, WorkflowScenario.EveryManualKind);
        var other = await s.Org.AddUserAsync("Otto Other", Role.Learner);

        var team = await (await s.AsCoach.GetAsync("me/team")).Json();

        Assert.Equal([s.Learner.Id], team.Ids("id"));
        Assert.DoesNotContain(other.Id, team.Ids("id"));
        await (await s.AsLearner.GetAsync("me/team")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_team_page_reads_the_coachs_team_records_per_certification_in_one_call()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, WorkflowScenario.EveryManualKind);
        await s.SelfEnrollAsync();
        var outsider = await s.Org.AddUserAsync("Ōtsuka Hiroshi");
        var assigned = await s.AsAdmin.PostAsJsonAsync($"certifications/{s.CertificationId}/assignments", new { learnerIds = new[] { outsider.Id } });
        assigned.EnsureSuccessStatusCode();

        var page = await (await s.AsCoach.GetAsync("me/team/learning-records")).Json();

        var certification = page["items"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == s.CertificationId)!;
        Assert.Equal([s.EnrollmentId!], certification["records"]!.AsArray().Select(r => r!["enrollmentId"]!.GetValue<string>()));
        await (await s.AsLearner.GetAsync("me/team/learning-records")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_handed_in_file_opens_for_the_learner_and_the_coach_and_is_a_404_for_anyone_else()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, WorkflowScenario.EveryManualKind);
        await s.SelfEnrollAsync();
        var pdf = "%PDF-1.4 Rollenspiel — 角色扮演"u8.ToArray();
        var detail = await (await s.UploadAsync("Upload a role-play", "Meine Notizen", pdf)).Json();
        var evidence = detail["criteria"]!.AsArray().Single(c => c!["title"]!.GetValue<string>() == "Upload a role-play")!["evidence"]![0]!;
        var path = $"enrollments/{s.EnrollmentId}/evidence/{evidence["id"]!.GetValue<string>()}/files/0";

        foreach (var reader in new[] { s.AsLearner, s.AsCoach, s.AsAdmin })
        {
            var file = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
            Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
            Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        }

        var elsewhere = await TestOrganization.CreateAsync(fixture.Host);
        using var stranger = elsewhere.AsAdmin();
        using var classmate = s.Org.As(await s.Org.AddUserAsync("Liam Learner"));
        await (await stranger.GetAsync(path)).Problem(HttpStatusCode.NotFound);
        await (await classmate.GetAsync(path)).Problem(HttpStatusCode.NotFound);
        await (await s.AsLearner.GetAsync(path[..^1] + "1")).Problem(HttpStatusCode.NotFound);
        await (await s.AsLearner.GetAsync(path[..^1] + "x")).Problem(HttpStatusCode.NotFound);
        await (await s.AsLearner.GetAsync(path.Replace("/evidence/", "/evidence/evi_nope", StringComparison.Ordinal))).Problem(HttpStatusCode.NotFound);
    }
}
