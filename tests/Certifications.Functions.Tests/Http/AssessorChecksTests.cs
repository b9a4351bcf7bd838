using System.Net;
using System.Net.Http.Json;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

/// <summary>Who may assess whom is checked at every step: nobody assesses themselves, and a coach only while they coach the learner.</summary>
[Collection(DevHostCollection.Name)]
public class AssessorChecksTests(DevHostFixture fixture)
{
    private static readonly object[] ReviewOnly = [new { kind = "review", title = "Coach observes a call" }];

    private static readonly object[] LiveCall = [new { kind = "live_session", title = "Live call", skills = new[] { "Greeting" }, minStars = 3 }];

    [Fact]
    public async Task An_admin_who_is_also_the_learner_cannot_review_or_approve_their_own_enrollment()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: true, ReviewOnly);
        using var admin = s.Org.AsAdmin();
        (await admin.PutAsJsonAsync($"users/{s.Org.Admin.Id}", new
        {
            email = s.Org.Admin.Email,
            displayName = s.Org.Admin.DisplayName,
            roles = new[] { "SuperAdmin", "Learner", "Coach" },
        })).EnsureSuccessStatusCode();
        var enrolled = await admin.PostAsJsonAsync($"certifications/{s.CertificationId}/assignments", new { learnerIds = new[] { s.Org.Admin.Id } });
        enrolled.EnsureSuccessStatusCode();
        var enrollment = (await (await admin.GetAsync("me/assignments")).Json())["items"]![0]!["enrollmentId"]!.GetValue<string>();

        var review = await admin.PostAsJsonAsync(
            $"enrollments/{enrollment}/criteria/{s.Criterion("Coach observes a call")}/reviews", new { decision = "Demonstrated", rating = 5 });
        var problem = await review.Problem(HttpStatusCode.Forbidden);
        Assert.Contains("own work", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await admin.PostAsJsonAsync($"enrollments/{enrollment}/approval", new { decision = "Approve" })).Problem(HttpStatusCode.Forbidden);
        Assert.NotEqual("Met", (await (await admin.GetAsync($"enrollments/{enrollment}")).Json())["criteria"]![0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_coach_whose_learner_moved_to_another_coach_can_no_longer_review_them()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, ReviewOnly);
        await s.SelfEnrollAsync();
        await MoveLearnerToAnotherCoachAsync(s);

        // The record is out of their sight now, like any learner's outside their team.
        await (await s.ReviewAsync("Coach observes a call", "Demonstrated")).Problem(HttpStatusCode.NotFound);
        Assert.Equal("NotStarted", (await s.DetailAsync())["criteria"]![0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_coach_whose_learner_moved_cannot_start_end_or_rate_the_session_they_scheduled()
    {
        using var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, LiveCall);
        await s.SelfEnrollAsync();
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2), TimeSpan.Zero).AddHours(9);
        var scheduled = await s.AsCoach.PostAsJsonAsync(
            "live-sessions", new { learnerId = s.Learner.Id, certificationId = s.CertificationId, criterionId = s.Criterion("Live call"), startsAt });
        var id = (await scheduled.Json())["id"]!.GetValue<string>();
        (await s.AsLearner.PostAsync($"live-sessions/{id}/join", null)).EnsureSuccessStatusCode();
        (await s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/start", new { callType = "video" })).EnsureSuccessStatusCode();

        // Another call with no body repeats the last call type.
        var again = await (await s.AsCoach.PostAsync($"live-sessions/{id}/calls", null)).Json();
        Assert.Equal(["video", "video"], again["calls"]!.AsArray().Select(c => c!["callType"]!.GetValue<string>()));

        await MoveLearnerToAnotherCoachAsync(s);
        await (await s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/calls", new { callType = "phone" })).Problem(HttpStatusCode.Forbidden);
        await (await s.AsCoach.PostAsync($"live-sessions/{id}/end", null)).Problem(HttpStatusCode.Forbidden);
        await (await s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/rating", new { skills = new[] { new { skill = "Greeting", stars = 5 } } }))
            .Problem(HttpStatusCode.Forbidden);
        Assert.Equal("InCall", (await (await s.AsAdmin.GetAsync($"live-sessions/{id}")).Json())["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("title", "Customer\nConversations")]
    [InlineData("title", "Customer\u0085Conversations")]
    [InlineData("title", "Bell\u0007")]
    [InlineData("description", "Tab\tand line\nare fine but not \u001b[31mescapes")]
    public async Task Control_characters_are_refused_where_they_do_not_belong(string field, string value)
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();
        var body = new Dictionary<string, object>
        {
            ["title"] = "Customer Conversations",
            ["criteria"] = new object[] { new { kind = "content", title = "Read" } }
        };
        body[field] = value;

        var problem = await (await admin.PostAsJsonAsync("certifications", body)).Problem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty((await (await admin.GetAsync("certifications")).Json())["items"]!.AsArray());
    }

    [Fact]
    public async Task A_display_name_with_a_line_break_is_refused()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        using var admin = org.AsAdmin();

        var problem = await (await admin.PostAsJsonAsync(
            "users", new { email = "x@test.example", displayName = "Eve\r\nBcc: all@test.example", roles = new[] { "Learner" } }))
            .Problem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["displayName"]);
    }

    private static async Task MoveLearnerToAnotherCoachAsync(WorkflowScenario s)
    {
        var other = await s.Org.AddUserAsync("Colin Coach", Role.Coach);
        var user = await s.AsAdmin.GetAsync($"users/{s.Learner.Id}");
        var request = new HttpRequestMessage(HttpMethod.Put, $"users/{s.Learner.Id}")
        {
            Content = JsonContent.Create(
                new
                {
                    email = s.Learner.Email,
                    displayName = s.Learner.DisplayName,
                    roles = new[] { "Learner" },
                    groupIds = s.Learner.GroupIds,
                    coachId = other.Id
                }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", user.Headers.ETag!.ToString());
        (await s.AsAdmin.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
