using System.Net;
using System.Net.Http.Json;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

/// <summary>Removing a user: their tokens stop at once on every instance, they leave lists and pickers, their records stay.</summary>
[Collection(DevHostCollection.Name)]
public sealed class DisabledUserTests(DevHostFixture fixture)
{
    [Fact]
    public async Task A_disabled_users_token_stops_at_once_even_on_an_instance_that_had_cached_them()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var learner = await org.AddUserAsync("Dora Disabled");
        await using var other = await fixture.StartHostAsync();
        using var elsewhere = org.On(other).As(learner);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("me")).StatusCode);
        using var admin = org.AsAdmin();

        var disabled = await (await admin.DeleteAsync($"users/{learner.Id}")).Json();

        Assert.Equal("disabled", disabled["status"]!.GetValue<string>());
        var refused = await (await elsewhere.GetAsync("me")).Problem(HttpStatusCode.Unauthorized);
        Assert.Contains("disabled", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        (await admin.PostAsync($"users/{learner.Id}/enable", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("me")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_leaves_lists_queues_and_pickers_but_their_record_stays()
    {
        using var s = await WorkflowScenario.CreateAsync(
            fixture.Host, requireApproval: false, [new { kind = "review", title = "Coach review" }], "Dora Disabled");
        var enrollment = await s.SelfEnrollAsync();
        var group = s.Learner.GroupIds[0];
        Assert.Single((await (await s.AsCoach.GetAsync("reviews/queue")).Json())["items"]!.AsArray());

        (await s.AsAdmin.DeleteAsync($"users/{s.Learner.Id}")).EnsureSuccessStatusCode();

        Assert.Empty((await (await s.AsCoach.GetAsync("reviews/queue")).Json())["items"]!.AsArray());
        Assert.Empty((await (await s.AsAdmin.GetAsync("reviews/queue")).Json())["items"]!.AsArray());
        var users = (await (await s.AsAdmin.GetAsync("users")).Json())["items"]!.AsArray().Select(u => u!["id"]!.GetValue<string>());
        Assert.DoesNotContain(s.Learner.Id, users);
        var all = (await (await s.AsAdmin.GetAsync("users?include=disabled")).Json())["items"]!.AsArray().Select(u => u!["id"]!.GetValue<string>());
        Assert.Contains(s.Learner.Id, all);
        var other = await s.Org.PublishedCertificationAsync("Safety Basics");
        var assigned = await (await s.AsAdmin.PostAsJsonAsync($"certifications/{other}/assignments", new { groupIds = new[] { group } })).Json();
        Assert.DoesNotContain(s.Learner.Id, assigned.ToJsonString(), StringComparison.Ordinal);
        await (await s.AsAdmin.PostAsJsonAsync($"certifications/{other}/assignments", new { learnerIds = new[] { s.Learner.Id } })).Problem(
            HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await s.AsAdmin.GetAsync($"enrollments/{enrollment}")).StatusCode);
    }

    [Fact]
    public async Task Only_a_super_admin_disables_and_nobody_disables_themselves()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var coach = await org.AddUserAsync("Carla Coach", Role.Coach);
        var learner = await org.AddUserAsync("Lena Learner", coachId: coach.Id);
        using var asCoach = org.As(coach);
        using var admin = org.AsAdmin();

        await (await asCoach.DeleteAsync($"users/{learner.Id}")).Problem(HttpStatusCode.Forbidden);
        await (await admin.DeleteAsync($"users/{org.Admin.Id}")).Problem(HttpStatusCode.Conflict);
        var stranger = await TestOrganization.CreateAsync(fixture.Host);
        using var strangerAdmin = stranger.AsAdmin();
        await (await strangerAdmin.DeleteAsync($"users/{learner.Id}")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await org.As(learner).GetAsync("me")).StatusCode);
    }
}
