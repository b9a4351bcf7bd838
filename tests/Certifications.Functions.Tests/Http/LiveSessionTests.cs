using System.Net;
using System.Net.Http.Json;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;

namespace Certifications.Functions.Tests.Http;

/// <summary>Live certification sessions through HTTP on the dev host: scheduling rules, the lifecycle, the rating completing the criterion.</summary>
[Collection(DevHostCollection.Name)]
public class LiveSessionTests(DevHostFixture fixture)
{
    private static readonly object[] LiveCall =
        [new { kind = "live_session", title = "Live certification call", skills = new[] { "Greeting", "Discovery", "Closing" }, minStars = 4 }];

    private static DateTimeOffset Tomorrow(int hour, int minute) =>
        new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero).AddHours(hour).AddMinutes(minute);

    [Fact]
    public async Task Three_sessions_fit_the_hour_a_fourth_without_a_break_is_refused_with_the_next_free_slot()
    {
        using var s = await EnrolledAsync();

        foreach (var minute in new[] { 0, 20, 40 })
        {
            Assert.Equal(HttpStatusCode.Created, (await ScheduleAsync(s, Tomorrow(9, minute))).StatusCode);
        }

        var refused = await (await ScheduleAsync(s, Tomorrow(10, 0))).Problem(HttpStatusCode.Conflict);
        Assert.Equal("break-after-3-in-a-row", refused["rule"]!.GetValue<string>());
        Assert.Equal(Tomorrow(10, 15), refused["nextSlot"]!.GetValue<DateTimeOffset>());
        var overlap = await (await ScheduleAsync(s, Tomorrow(9, 50))).Problem(HttpStatusCode.Conflict);
        Assert.Equal("overlap", overlap["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await ScheduleAsync(s, Tomorrow(10, 15))).StatusCode);

        var free = await (await s.AsCoach.GetAsync($"live-sessions/availability?coachId={s.Coach.Id}&date={Tomorrow(0, 0):yyyy-MM-dd}")).Json();
        var starts = free["starts"]!.AsArray().Select(x => x!.GetValue<DateTimeOffset>()).ToArray();
        Assert.DoesNotContain(Tomorrow(9, 20), starts);
        Assert.DoesNotContain(Tomorrow(10, 0), starts);
        Assert.Contains(Tomorrow(10, 45), starts);
        // A coach who set no zone or hours is offered the office day in UTC (09:00 to 17:00), every free start of it.
        Assert.Equal("UTC", free["timeZone"]!.GetValue<string>());
        Assert.Equal(Tomorrow(10, 45), starts[0]);
        Assert.Equal(Tomorrow(16, 30), starts[^1]);
        Assert.Equal(24, starts.Length);

        var mine = await (await s.AsLearner.GetAsync("live-sessions")).Json();
        Assert.Equal(4, mine["items"]!.AsArray().Count);
        var invitation = fixture.MailsTo(s.Learner.Email).First(
            m => (m.Subject ?? string.Empty).StartsWith("Live certification session", StringComparison.Ordinal));
        Assert.Contains(invitation.To.Mailboxes, m => m.Address == s.Coach.Email);
        Assert.Contains(invitation.Attachments, a => a.ContentType.MimeType == "text/calendar");
    }

    [Fact]
    public async Task A_tokyo_coach_is_offered_their_whole_working_day_and_each_reader_is_told_the_time_in_their_own_zone()
    {
        using var s = await EnrolledAsync();
        var day = DateOnly.FromDateTime(DateTime.UtcNow.Date.AddDays(2));
        var set = await (await s.AsCoach.PutAsJsonAsync(
            "me/preferences", new { timeZone = "Asia/Tokyo", workingHours = new { from = "08:30", to = "17:00" } })).Json();
        Assert.Equal("Asia/Tokyo", set["user"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("08:30", set["user"]!["workingHours"]!["from"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await s.AsLearner.PutAsJsonAsync("me/preferences", new { timeZone = "America/Los_Angeles" })).StatusCode);

        var free = await (await s.AsCoach.GetAsync($"live-sessions/availability?date={day:yyyy-MM-dd}&durationMinutes=30")).Json();

        // 08:30 to 17:00 in Tokyo is 23:30 the day before to 08:00 in UTC: 33 starts of 30 minutes, none cut off.
        var starts = free["starts"]!.AsArray().Select(x => x!.GetValue<DateTimeOffset>()).ToArray();
        var tokyoMidnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-9);
        Assert.Equal(tokyoMidnight.AddHours(8.5), starts[0]);
        Assert.Equal(tokyoMidnight.AddHours(16.5), starts[^1]);
        Assert.Equal(33, starts.Length);
        Assert.Equal("Asia/Tokyo", free["timeZone"]!.GetValue<string>());

        // Booked at 09:00 in Tokyo: 16:00 the day before in Los Angeles, each told in their own zone and day.
        var at = tokyoMidnight.AddHours(9);
        await SessionIdAsync(await ScheduleAsync(s, at));
        var los = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));
        static bool Invitation(MimeKit.MimeMessage m) => (m.Subject ?? string.Empty).StartsWith("Live certification session", StringComparison.Ordinal);
        var toLearner = fixture.MailsTo(s.Learner.Email).Single(Invitation);
        var toCoach = fixture.MailsTo(s.Coach.Email).Single(Invitation);
        Assert.DoesNotContain(toLearner.To.Mailboxes, m => m.Address == s.Coach.Email);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var offset = string.Create(invariant, $"{(los.Offset < TimeSpan.Zero ? '-' : '+')}{los.Offset.Duration():hh\\:mm}");
        Assert.Contains(
            string.Create(invariant, $"on {los:dddd d MMMM yyyy} at {los:HH:mm} America/Los_Angeles (UTC{offset}) for 20 minutes"),
            toLearner.TextBody, StringComparison.Ordinal);
        Assert.Contains(
            string.Create(invariant, $"on {at.ToOffset(TimeSpan.FromHours(9)):dddd d MMMM yyyy} at 09:00 Asia/Tokyo (UTC+09:00) for 20 minutes"),
            toCoach.TextBody, StringComparison.Ordinal);

        // A zone or hours that are not one are refused and change nothing.
        var windows = await (await s.AsCoach.PutAsJsonAsync("me/preferences", new { timeZone = "Tokyo Standard Time" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(windows["errors"]!["timeZone"]);
        var backwards = await (await s.AsCoach.PutAsJsonAsync(
            "me/preferences", new { timeZone = "Asia/Tokyo", workingHours = new { from = "17:00", to = "09:00" } })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(backwards["errors"]!["workingHours.to"]);
        var me = await (await s.AsCoach.GetAsync("me")).Json();
        Assert.Equal("Asia/Tokyo", me["user"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("17:00", me["user"]!["workingHours"]!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_session_runs_join_start_second_call_end_rating_and_meets_the_criterion()
    {
        using var s = await EnrolledAsync();
        var id = await SessionIdAsync(await ScheduleAsync(s, Tomorrow(14, 0)));
        var ics = (await (await s.AsLearner.GetAsync($"live-sessions/{id}/invite.ics")).Content.ReadAsStringAsync()).Replace(
            "\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains(s.Learner.Email, ics, StringComparison.Ordinal);

        await (await s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/start", new { callType = "video" })).Problem(HttpStatusCode.Conflict);
        var joins = await Task.WhenAll(s.AsLearner.PostAsync($"live-sessions/{id}/join", null), s.AsLearner.PostAsync($"live-sessions/{id}/join", null));
        Assert.All(joins, j => Assert.Equal(HttpStatusCode.OK, j.StatusCode));
        await (await s.AsLearner.PostAsJsonAsync($"live-sessions/{id}/start", new { callType = "video" })).Problem(HttpStatusCode.Forbidden);
        var starts = await Task.WhenAll(
            s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/start", new { callType = "video" }),
            s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/start", new { callType = "video" }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], starts.Select(r => r.StatusCode).Order());
        (await s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/calls", new { callType = "screen share" })).EnsureSuccessStatusCode();
        await (await s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/rating", Rating(5, 4, 4))).Problem(HttpStatusCode.Conflict);
        (await s.AsCoach.PostAsync($"live-sessions/{id}/end", null)).EnsureSuccessStatusCode();

        var ended = await (await s.AsCoach.GetAsync($"live-sessions/{id}")).Json();
        Assert.Equal(["video", "screen share"], ended["calls"]!.AsArray().Select(c => c!["callType"]!.GetValue<string>()));
        var rated = await (await s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/rating", Rating(5, 4, 4))).Json();
        Assert.True(rated["rating"]!["met"]!.GetValue<bool>());

        var earned = await s.WaitForStatusAsync("Earned");
        var criterion = earned["criteria"]![0]!;
        Assert.Equal("Met", criterion["state"]!.GetValue<string>());
        Assert.Equal("live_session", criterion["metBy"]!.GetValue<string>());
        var review = (await s.DetailAsync(s.AsLearner))["criteria"]![0]!["reviews"]![0]!;
        Assert.Equal(5, review["skillStars"]!["Greeting"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_rating_under_the_minimum_is_not_demonstrated_and_the_learner_is_scheduled_again_with_history()
    {
        using var s = await EnrolledAsync();
        var first = await SessionIdAsync(await ScheduleAsync(s, Tomorrow(15, 0)));
        await RunToEndAsync(s, first);

        (await s.AsCoach.PostAsJsonAsync($"live-sessions/{first}/rating", Rating(5, 3, 4, "Ask more open questions."))).EnsureSuccessStatusCode();

        var detail = await s.WaitUntilAsync(d => d["criteria"]![0]!["state"]!.GetValue<string>() == "NotDemonstrated", "not demonstrated");
        Assert.Equal("NotEarned", detail["status"]!.GetValue<string>());
        var second = await SessionIdAsync(await ScheduleAsync(s, Tomorrow(16, 0)));
        var view = await (await s.AsCoach.GetAsync($"live-sessions/{second}")).Json();
        var earlier = Assert.Single(view["history"]!.AsArray());
        Assert.Equal("Ask more open questions.", earlier!["rating"]!["feedback"]!.GetValue<string>());
        Assert.Null((await (await s.AsLearner.GetAsync($"live-sessions/{second}")).Json())["history"]);
    }

    [Fact]
    public async Task Bad_ratings_and_bad_schedules_are_refused_and_change_nothing()
    {
        using var s = await EnrolledAsync();
        var id = await SessionIdAsync(await ScheduleAsync(s, Tomorrow(17, 0)));
        await RunToEndAsync(s, id);

        foreach (var bad in new object[]
        {
            new { skills = new[] { new { skill = "Greeting", stars = 6 }, new { skill = "Discovery", stars = 4 }, new { skill = "Closing", stars = 4 } } },
            new { skills = new[] { new { skill = "Greeting", stars = 4 }, new { skill = "Discovery", stars = 4 } } },
            new { skills = new[] { new { skill = "Greeting", stars = 4 }, new { skill = "Discovery", stars = 4 },
                new { skill = "Closing", stars = 4 }, new { skill = "Juggling", stars = 4 } } },
        })
        {
            await (await s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/rating", bad)).Problem(HttpStatusCode.BadRequest);
        }

        await (await s.AsLearner.PostAsJsonAsync($"live-sessions/{id}/rating", Rating(5, 5, 5))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("Ended", (await (await s.AsCoach.GetAsync($"live-sessions/{id}")).Json())["state"]!.GetValue<string>());

        await (await ScheduleAsync(s, DateTimeOffset.UtcNow.AddHours(-2))).Problem(HttpStatusCode.BadRequest);
        var stranger = await s.Org.AddUserAsync("Nico Notmine", Role.Learner, coachId: null);
        using var admin = s.Org.AsAdmin();
        (await admin.PostAsJsonAsync($"certifications/{s.CertificationId}/assignments", new { learnerIds = new[] { stranger.Id } })).EnsureSuccessStatusCode();
        await (await s.AsCoach.PostAsJsonAsync(
            "live-sessions",
            new
            {
                learnerId = stranger.Id,
                certificationId = s.CertificationId,
                criterionId = s.Criterion("Live certification call"),
                startsAt = Tomorrow(18, 0)
            }))
            .Problem(HttpStatusCode.Forbidden);
        var other = await TestOrganization.CreateAsync(fixture.Host);
        using var otherAdmin = other.AsAdmin();
        await (await otherAdmin.GetAsync($"live-sessions/{id}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_coach_report_comes_as_a_pdf_or_docx_and_anything_else_is_refused()
    {
        using var s = await EnrolledAsync();
        var id = await SessionIdAsync(await ScheduleAsync(s, Tomorrow(19, 0)));
        await RunToEndAsync(s, id);

        var refused = await s.AsCoach.PostAsync($"live-sessions/{id}/rating", RatingForm("report.png", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]));
        await refused.Problem(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Ended", (await (await s.AsCoach.GetAsync($"live-sessions/{id}")).Json())["state"]!.GetValue<string>());

        var rated = await (await s.AsCoach.PostAsync($"live-sessions/{id}/rating", RatingForm("report.pdf", "%PDF-1.7 coach report"u8.ToArray()))).Json();
        Assert.True(rated["hasCoachReport"]!.GetValue<bool>());
        Assert.Equal("Rated", rated["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("date=0001-01-01", "date")]
    [InlineData("date=9999-12-31", "date")]
    [InlineData("date=2026-02-30", "date")]
    [InlineData("durationMinutes=-2147483648", "durationMinutes")]
    [InlineData("durationMinutes=0", "durationMinutes")]
    [InlineData("durationMinutes=-20", "durationMinutes")]
    [InlineData("durationMinutes=twenty", "durationMinutes")]
    public async Task Availability_out_of_range_is_400_naming_the_field(string query, string field)
    {
        using var s = await EnrolledAsync();
        var date = query.StartsWith("date=", StringComparison.Ordinal) ? string.Empty : $"&date={Tomorrow(0, 0):yyyy-MM-dd}";

        var problem = await (await s.AsCoach.GetAsync($"live-sessions/availability?{query}{date}")).Problem(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task A_session_at_the_end_of_time_or_years_ahead_is_400_and_nothing_is_booked()
    {
        using var s = await EnrolledAsync();

        var endOfTime = await (await ScheduleAsync(s, new DateTimeOffset(9999, 12, 31, 23, 50, 0, TimeSpan.Zero))).Problem(HttpStatusCode.BadRequest);
        var twoYears = await (await ScheduleAsync(s, DateTimeOffset.UtcNow.AddYears(2))).Problem(HttpStatusCode.BadRequest);
        var farWindow = await (await s.AsCoach.GetAsync("live-sessions?from=0001-01-01T00:00:00Z")).Problem(HttpStatusCode.BadRequest);

        Assert.NotNull(endOfTime["errors"]!["startsAt"]);
        Assert.NotNull(twoYears["errors"]!["startsAt"]);
        Assert.NotNull(farWindow["errors"]!["from"]);
        Assert.Empty((await (await s.AsCoach.GetAsync("live-sessions")).Json())["items"]!.AsArray());
    }

    private static MultipartFormDataContent RatingForm(string fileName, byte[] file) => new()
    {
        { new StringContent(System.Text.Json.JsonSerializer.Serialize(Rating(4, 4, 4))), "rating" },
        { new ByteArrayContent(file), "report", fileName },
    };

    private static object Rating(int greeting, int discovery, int closing, string feedback = "Confident and clear.") => new
    {
        skills = new[] { new { skill = "Greeting", stars = greeting }, new { skill = "Discovery", stars = discovery },
            new { skill = "Closing", stars = closing } },
        comments = "Good pace.",
        feedback,
    };

    private static async Task RunToEndAsync(WorkflowScenario s, string id)
    {
        (await s.AsLearner.PostAsync($"live-sessions/{id}/join", null)).EnsureSuccessStatusCode();
        (await s.AsCoach.PostAsJsonAsync($"live-sessions/{id}/start", new { callType = "video" })).EnsureSuccessStatusCode();
        (await s.AsCoach.PostAsync($"live-sessions/{id}/end", null)).EnsureSuccessStatusCode();
    }

    private async Task<WorkflowScenario> EnrolledAsync()
    {
        var s = await WorkflowScenario.CreateAsync(fixture.Host, requireApproval: false, LiveCall);
        await s.SelfEnrollAsync();
        return s;
    }

    private static Task<HttpResponseMessage> ScheduleAsync(WorkflowScenario s, DateTimeOffset startsAt) =>
        s.AsCoach.PostAsJsonAsync(
            "live-sessions",
            new
            {
                learnerId = s.Learner.Id,
                certificationId = s.CertificationId,
                criterionId = s.Criterion("Live certification call"),
                startsAt,
                durationMinutes = 20,
                mode = "sync"
            });

    private static async Task<string> SessionIdAsync(HttpResponseMessage scheduled)
    {
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        return (await scheduled.Json())["id"]!.GetValue<string>();
    }
}
