using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Certifications.Domain.Enrollments;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;
using Certifications.Storage.Catalog;
using Certifications.Storage.Enrollments;
using Microsoft.Extensions.DependencyInjection;

namespace Certifications.Functions.Tests.Http;

[Collection(DevHostCollection.Name)]
public sealed class EnrollmentTests(DevHostFixture fixture)
{
    private static readonly DateTimeOffset Due = DateTimeOffset.UtcNow.AddDays(30).Date;

    /// <summary>A due date is kept as the end of its day in UTC, the same day wherever it is read.</summary>
    private static readonly DateTimeOffset DueDayEnd = new(Due.Year, Due.Month, Due.Day, 23, 59, 59, TimeSpan.Zero);

    [Fact]
    public async Task A_learner_with_view_access_self_enrolls_once()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var sales = await org.AddGroupAsync("Sales");
        var id = await org.PublishedCertificationAsync(viewAccess: sales);
        using var learner = org.As(await org.AddUserAsync("Lena", groups: [sales]));

        var first = await learner.PostAsync($"certifications/{id}/enrollments", null);
        var again = await (await learner.PostAsync($"certifications/{id}/enrollments", null)).Problem(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((await first.Json())["enrollmentId"]!.GetValue<string>(), again["enrollmentId"]!.GetValue<string>());
        var list = await (await learner.GetAsync("me/assignments")).Json();
        Assert.Equal("SelfEnrolled", Assert.Single(list["items"]!.AsArray())!["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_learner_without_view_access_cannot_self_enroll()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var id = await org.PublishedCertificationAsync(viewAccess: await org.AddGroupAsync("Sales"));
        var outsider = await org.AddUserAsync("Sofia", groups: [await org.AddGroupAsync("Support")]);
        using var learner = org.As(outsider);

        await (await learner.PostAsync($"certifications/{id}/enrollments", null)).Problem(HttpStatusCode.Forbidden);

        Assert.Empty((await (await learner.GetAsync("me/assignments")).Json())["items"]!.AsArray());
    }

    [Theory]
    [InlineData("9999-12-31T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public async Task A_due_date_out_of_range_is_400_naming_it_and_enrolls_nobody(string dueDate)
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var id = await org.PublishedCertificationAsync("Safety Basics");
        var liam = await org.AddUserAsync("Liam Learner");
        using var admin = org.AsAdmin();

        var problem = await (await admin.PostAsJsonAsync(
            $"certifications/{id}/assignments", new { learnerIds = new[] { liam.Id }, dueDate = DateTimeOffset.Parse(dueDate, CultureInfo.InvariantCulture) }))
            .Problem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["dueDate"]);
        Assert.Empty((await (await org.As(liam).GetAsync("me/assignments")).Json())["items"]!.AsArray());
    }

    [Fact]
    public async Task An_assignment_reaches_a_learner_without_view_access_with_due_date_message_and_email()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var id = await org.PublishedCertificationAsync("Safety Basics");
        var liam = await org.AddUserAsync("Liam Learner");
        using var admin = org.AsAdmin();

        var report = await (await admin.PostAsJsonAsync(
            $"certifications/{id}/assignments", new { learnerIds = new[] { liam.Id }, dueDate = Due, message = "Before the audit, please." })).Json();

        Assert.Equal(1, report["created"]!.GetValue<int>());
        using var learner = org.As(liam);
        var item = Assert.Single((await (await learner.GetAsync("me/assignments")).Json())["items"]!.AsArray())!;
        Assert.Equal("Assigned", item["source"]!.GetValue<string>());
        Assert.Equal("Before the audit, please.", item["message"]!.GetValue<string>());
        Assert.Equal(DueDayEnd, item["dueDate"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Published", (await (await learner.GetAsync($"certifications/{id}")).Json())["status"]!.GetValue<string>());
        var mail = Directory.GetFiles(fixture.Outbox, $"*{liam.Email}*.eml").Select(File.ReadAllText).Single();
        Assert.Contains("Subject: You have been assigned: Safety Basics", mail, StringComparison.Ordinal);
        Assert.Contains("Before the audit, please.", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assigning_a_group_twice_creates_each_record_once()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var sales = await org.AddGroupAsync("Sales");
        await org.AddUserAsync("A", groups: [sales]);
        await org.AddUserAsync("B", groups: [sales]);
        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();

        var first = await (await admin.PostAsJsonAsync($"certifications/{id}/assignments", new { groupIds = new[] { sales } })).Json();
        var second = await (await admin.PostAsJsonAsync($"certifications/{id}/assignments", new { groupIds = new[] { sales } })).Json();

        Assert.Equal(2, first["created"]!.GetValue<int>());
        Assert.Equal(0, second["created"]!.GetValue<int>());
        Assert.Equal(2, second["alreadyEnrolled"]!.GetValue<int>());
        Assert.Equal(2, (await (await admin.GetAsync($"certifications/{id}/learning-records")).Json())["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Assigning_a_self_enrolled_learner_adds_the_due_date_to_the_one_record()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var sales = await org.AddGroupAsync("Sales");
        var lena = await org.AddUserAsync("Lena", groups: [sales]);
        var id = await org.PublishedCertificationAsync(viewAccess: sales);
        using var learner = org.As(lena);
        (await learner.PostAsync($"certifications/{id}/enrollments", null)).EnsureSuccessStatusCode();
        using var admin = org.AsAdmin();

        var report = await (await admin.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = new[] { lena.Id }, dueDate = Due })).Json();

        var line = report["results"]![0]!;
        Assert.Equal("AlreadyEnrolled", line["result"]!.GetValue<string>());
        Assert.True(line["dueDateAdded"]!.GetValue<bool>());
        var record = Assert.Single((await (await admin.GetAsync($"certifications/{id}/learning-records")).Json())["items"]!.AsArray())!;
        Assert.Equal("SelfEnrolled", record["source"]!.GetValue<string>());
        Assert.Equal(DueDayEnd, record["dueDate"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_due_date_in_the_past_or_a_learner_of_another_organization_is_400_and_assigns_nobody()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var other = await TestOrganization.CreateAsync(fixture.Host);
        var mine = await org.AddUserAsync("Mine");
        var theirs = await other.AddUserAsync("Theirs");
        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();

        await (await admin.PostAsJsonAsync(
            $"certifications/{id}/assignments", new { learnerIds = new[] { mine.Id }, dueDate = DateTimeOffset.UtcNow.AddDays(-1) })).Problem(
            HttpStatusCode.BadRequest);
        var problem = await (await admin.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = new[] { mine.Id, theirs.Id } }))
            .Problem(HttpStatusCode.BadRequest);

        Assert.Contains(theirs.Id, problem["errors"]!["learnerIds"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await (await admin.GetAsync($"certifications/{id}/learning-records")).Json())["items"]!.AsArray());
    }

    [Fact]
    public async Task A_coach_assigns_their_team_and_is_refused_for_others()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var carla = await org.AddUserAsync("Carla", Role.Coach);
        var mine = await org.AddUserAsync("Lena", coachId: carla.Id);
        var notMine = await org.AddUserAsync("Sofia");
        var id = await org.PublishedCertificationAsync();
        using var coach = org.As(carla);

        Assert.Equal(HttpStatusCode.OK, (await coach.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = new[] { mine.Id } })).StatusCode);
        await (await coach.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = new[] { notMine.Id } })).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Learning_records_are_searched_by_name_ignoring_case_and_accents_filtered_on_overdue_and_name_their_certification()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var zoe = await org.AddUserAsync("Zoë Ångström-Núñez");
        var wang = await org.AddUserAsync("王小明");
        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();
        (await admin.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = new[] { zoe.Id } })).EnsureSuccessStatusCode();
        // A due date already past cannot be assigned; a record whose due date has passed is written as time would have left it.
        var certification = (await fixture.Host.Services.GetRequiredService<CertificationRepository>().GetAsync(org.Id, id))!.Value;
        var late = Enrollment.Create(certification, wang, EnrollmentSource.Assigned, org.Admin.Id, DateTimeOffset.UtcNow.AddDays(-9)) with
        {
            DueDate = DateTimeOffset.UtcNow.AddDays(-1),
        };
        _ = (await fixture.Host.Services.GetRequiredService<EnrollmentRepository>().CreateAsync(late)).Value;

        var found = await (await admin.GetAsync($"certifications/{id}/learning-records?search=zoe%20angstrom")).Json();
        var byScript = await (await admin.GetAsync($"certifications/{id}/learning-records?search={Uri.EscapeDataString("小明")}")).Json();

        Assert.Equal(id, found["certification"]!["id"]!.GetValue<string>());
        Assert.Equal(zoe.Id, Assert.Single(found["items"]!.AsArray())!["learner"]!["id"]!.GetValue<string>());
        Assert.Equal(wang.Id, Assert.Single(byScript["items"]!.AsArray())!["learner"]!["id"]!.GetValue<string>());
        var overdue = await (await admin.GetAsync($"certifications/{id}/learning-records?overdue=true")).Json();
        var onTime = await (await admin.GetAsync($"certifications/{id}/learning-records?overdue=false")).Json();
        Assert.Equal(wang.Id, Assert.Single(overdue["items"]!.AsArray())!["learner"]!["id"]!.GetValue<string>());
        Assert.Equal(zoe.Id, Assert.Single(onTime["items"]!.AsArray())!["learner"]!["id"]!.GetValue<string>());

        var bad = await (await admin.GetAsync($"certifications/{id}/learning-records?overdue=maybe&search=a%0Ab")).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["overdue"]);
        Assert.NotNull(bad["errors"]!["search"]);
    }

    [Fact]
    public async Task Learning_records_show_both_sources_filter_and_scope_a_coach_to_their_team()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var sales = await org.AddGroupAsync("Sales");
        var carla = await org.AddUserAsync("Carla", Role.Coach);
        var lena = await org.AddUserAsync("Lena", groups: [sales], coachId: carla.Id);
        var liam = await org.AddUserAsync("Liam");
        var id = await org.PublishedCertificationAsync(viewAccess: sales);
        using (var learner = org.As(lena))
        {
            (await learner.PostAsync($"certifications/{id}/enrollments", null)).EnsureSuccessStatusCode();
        }

        using var admin = org.AsAdmin();
        (await admin.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = new[] { liam.Id } })).EnsureSuccessStatusCode();

        var all = await (await admin.GetAsync($"certifications/{id}/learning-records")).Json();
        var selfOnly = await (await admin.GetAsync($"certifications/{id}/learning-records?source=SelfEnrolled")).Json();
        var notStarted = await (await admin.GetAsync($"certifications/{id}/learning-records?status=Not%20started")).Json();
        using var coach = org.As(carla);
        var team = await (await coach.GetAsync($"certifications/{id}/learning-records")).Json();

        Assert.Equal(["Assigned", "SelfEnrolled"], all["items"]!.AsArray().Select(r => r!["source"]!.GetValue<string>()).Order());
        Assert.Equal("Lena", Assert.Single(selfOnly["items"]!.AsArray())!["learner"]!["displayName"]!.GetValue<string>());
        Assert.Equal(2, notStarted["items"]!.AsArray().Count);
        Assert.Equal("Lena", Assert.Single(team["items"]!.AsArray())!["learner"]!["displayName"]!.GetValue<string>());
        await (await admin.GetAsync($"certifications/{id}/learning-records?status=Finished")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_coachs_page_of_learning_records_is_full_and_the_pages_together_hold_the_team_once()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var carla = await org.AddUserAsync("Carla", Role.Coach);
        var learners = new List<string>();
        var team = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            // Every fourth learner is Carla's: her records are spread thinly among the others'.
            var user = await org.AddUserAsync($"Learner{i} Ñúñez", coachId: i % 4 == 0 ? carla.Id : null);
            learners.Add(user.Id);
            if (i % 4 == 0)
            {
                team.Add(user.Id);
            }
        }

        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();
        (await admin.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = learners })).EnsureSuccessStatusCode();
        using var coach = org.As(carla);

        var seen = new List<string>();
        var pages = new List<int>();
        string? token = null;
        do
        {
            var next = token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token);
            var page = await (await coach.GetAsync($"certifications/{id}/learning-records?pageSize=4{next}")).Json();
            var items = page["items"]!.AsArray();
            pages.Add(items.Count);
            seen.AddRange(items.Select(r => r!["learner"]!["id"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.Equal(4, pages[0]);
        Assert.Equal(team.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Learners_cannot_list_learning_records_and_other_coaches_do_not_see_the_certification()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var carla = await org.AddUserAsync("Carla", Role.Coach);
        var colin = await org.AddUserAsync("Colin", Role.Coach);
        var lena = await org.AddUserAsync("Lena", coachId: carla.Id);
        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();
        (await admin.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = new[] { lena.Id } })).EnsureSuccessStatusCode();

        using var learner = org.As(lena);
        await (await learner.GetAsync($"certifications/{id}/learning-records")).Problem(HttpStatusCode.Forbidden);
        using var otherCoach = org.As(colin);
        await (await otherCoach.GetAsync($"certifications/{id}/learning-records")).Problem(HttpStatusCode.NotFound);
        using var coach = org.As(carla);
        Assert.Equal([id], (await (await coach.GetAsync("certifications")).Json()).Ids("id"));
        Assert.Empty((await (await otherCoach.GetAsync("certifications")).Json())["items"]!.AsArray());
    }

    [Fact]
    public async Task The_progress_detail_shows_the_source_to_the_learner_their_coach_and_admins_only()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var carla = await org.AddUserAsync("Carla", Role.Coach);
        var lena = await org.AddUserAsync("Lena", coachId: carla.Id);
        var liam = await org.AddUserAsync("Liam");
        var id = await org.PublishedCertificationAsync();
        using var admin = org.AsAdmin();
        var report = await (await admin.PostAsJsonAsync($"certifications/{id}/assignments", new { learnerIds = new[] { lena.Id } })).Json();
        var enrollment = report["results"]![0]!["enrollmentId"]!.GetValue<string>();

        foreach (var viewer in new[] { lena, carla, org.Admin })
        {
            using var client = org.As(viewer);
            var detail = await (await client.GetAsync($"enrollments/{enrollment}")).Json();
            Assert.Equal("Assigned", detail["source"]!.GetValue<string>());
            Assert.Equal(2, detail["criteria"]!.AsArray().Count);
        }

        using var stranger = org.As(liam);
        await (await stranger.GetAsync($"enrollments/{enrollment}")).Problem(HttpStatusCode.NotFound);
        var other = await TestOrganization.CreateAsync(fixture.Host);
        using var otherAdmin = other.AsAdmin();
        await (await otherAdmin.GetAsync($"enrollments/{enrollment}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_learner_withdraws_from_a_self_enrollment_but_not_from_an_assignment()
    {
        var org = await TestOrganization.CreateAsync(fixture.Host);
        var sales = await org.AddGroupAsync("Sales");
        var lena = await org.AddUserAsync("Lena", groups: [sales]);
        var chosen = await org.PublishedCertificationAsync("Chosen", sales);
        var required = await org.PublishedCertificationAsync("Required");
        using var admin = org.AsAdmin();
        var assigned = (await (await admin.PostAsJsonAsync($"certifications/{required}/assignments", new { learnerIds = new[] { lena.Id } }))
            .Json())["results"]![0]!["enrollmentId"]!.GetValue<string>();
        using var learner = org.As(lena);
        var self = (await (await learner.PostAsync($"certifications/{chosen}/enrollments", null)).Json())["enrollmentId"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await learner.DeleteAsync($"enrollments/{self}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await learner.DeleteAsync($"enrollments/{self}")).StatusCode);
        await (await learner.DeleteAsync($"enrollments/{assigned}")).Problem(HttpStatusCode.Forbidden);

        Assert.Equal([assigned], (await (await learner.GetAsync("me/assignments")).Json()).Ids());
        Assert.Equal(HttpStatusCode.Created, (await learner.PostAsync($"certifications/{chosen}/enrollments", null)).StatusCode);
    }
}
