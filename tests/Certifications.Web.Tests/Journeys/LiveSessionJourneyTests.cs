using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>A live certification call from scheduling to the rating, as Carla and Lena see it in their browsers.</summary>
[Collection(WebAppCollection.Name)]
public sealed class LiveSessionJourneyTests(WebAppFixture fixture)
{
    private const string Certification = "Customer Conversations";

    [Fact]
    public Task Colin_in_Tokyo_is_offered_his_whole_working_day_in_his_own_time_and_sets_his_hours() => fixture.JourneyAsync(async () =>
    {
        var colin = await fixture.NewPageAsync(timezone: "Asia/Tokyo");
        await colin.SignInAsync("Colin Coach", "/coach/schedule");
        var hours = colin.GetByRole(AriaRole.Form, new() { Name = "Working hours" });
        await Assertions.Expect(hours).ToContainTextAsync("You take live sessions from 09:00 to 17:00, Asia/Tokyo time.");
        var free = colin.GetByRole(AriaRole.Group, new() { Name = "Free starts" }).GetByRole(AriaRole.Button);
        // Every quarter hour of his day, in his own time: 09:00 to 16:30 for the 20 minutes a session takes by default.
        await Assertions.Expect(free).ToHaveCountAsync(31);
        await Assertions.Expect(free.First).ToHaveTextAsync("09:00");
        await Assertions.Expect(free.Last).ToHaveTextAsync("16:30");
        await colin.CheckPageAsync(fixture, "coach-working-hours");

        // His browser's zone became his own on his first visit: his e-mails will say Tokyo time too.
        using var api = fixture.ApiAs("Colin Coach");
        var me = await api.GetFromJsonAsync<JsonObject>("me");
        Assert.Equal("Asia/Tokyo", me!["user"]!["timeZone"]!.GetValue<string>());

        await hours.GetByLabel("From", new() { Exact = true }).FillAsync("08:00");
        await hours.GetByLabel("To", new() { Exact = true }).FillAsync("12:00");
        await hours.GetByRole(AriaRole.Button, new() { Name = "Save working hours" }).ClickAsync();
        await Assertions.Expect(hours.GetByRole(AriaRole.Status)).ToHaveTextAsync("Working hours saved.");
        await Assertions.Expect(hours).ToContainTextAsync("from 08:00 to 12:00, Asia/Tokyo time.");
        await Assertions.Expect(free.First).ToHaveTextAsync("08:00");
        await Assertions.Expect(free.Last).ToHaveTextAsync("11:30");

        // Hours that end before they start are refused under the field and change nothing.
        await hours.GetByLabel("To", new() { Exact = true }).FillAsync("07:00");
        await hours.GetByRole(AriaRole.Button, new() { Name = "Save working hours" }).ClickAsync();
        await Assertions.Expect(hours.GetByText("To must be after the start of the working hours.")).ToBeVisibleAsync();
        await Assertions.Expect(free.Last).ToHaveTextAsync("11:30");
    });

    [Fact]
    public Task Carla_is_refused_a_fourth_session_in_an_hour_takes_the_next_slot_and_runs_and_rates_it_while_Lena_waits() =>
        fixture.JourneyAsync(async () =>
    {
        var lena = await fixture.NewPageAsync();
        await lena.SignInAsync("Lena Learner", "/discover");
        await lena.GetByRole(AriaRole.Button, new() { Name = $"Enroll in {Certification}" }).ClickAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = Certification, Level = 1 })).ToBeVisibleAsync();

        // Three sessions in one hour are already in Carla's calendar (Berlin time 09:00, 09:20, 09:40).
        var day = DateTimeOffset.UtcNow.Date.AddDays(3);
        await BookThreeAsync(day);

        var carla = await fixture.NewPageAsync();
        await carla.SignInAsync("Carla Coach", "/live-sessions");
        await carla.CheckPageAsync(fixture, "coach-live-sessions");
        await carla.GetByRole(AriaRole.Link, new() { Name = "Schedule a session" }).ClickAsync();
        var form = carla.GetByRole(AriaRole.Form, new() { Name = "Schedule a live session" });
        await form.GetByLabel("Day", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByLabel("Minutes", new() { Exact = true }).FillAsync("15");
        await Assertions.Expect(form.GetByRole(AriaRole.Group, new() { Name = "Free starts" })).ToBeVisibleAsync();
        await form.GetByLabel("Start", new() { Exact = true }).FillAsync("09:58");
        await form.GetByLabel("Team member", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lena Learner" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();

        var refusal = form.GetByRole(AriaRole.Alert);
        await Assertions.Expect(refusal).ToContainTextAsync("more than 3 sessions within 60 minutes");
        await carla.CheckPageAsync(fixture, "coach-schedule-refused");
        await refusal.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Schedule at ") }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Heading, new() { Name = "Live certification call", Level = 1 })).ToBeVisibleAsync();
        var sessionPath = new Uri(carla.Url).AbsolutePath;

        await lena.GotoAsync("/live-sessions");
        await Assertions.Expect(lena.GetByRole(AriaRole.List, new() { Name = "My live sessions" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(4);
        await lena.CheckPageAsync(fixture, "learner-live-sessions");
        await lena.GotoAsync(sessionPath);
        await lena.GetByRole(AriaRole.Button, new() { Name = "Join the waiting room" }).ClickAsync();
        await Assertions.Expect(lena.GetByText("You are in the waiting room.")).ToBeVisibleAsync();
        await lena.CheckPageAsync(fixture, "learner-waiting-room");

        await Assertions.Expect(carla.GetByText("Lena Learner is waiting.")).ToBeVisibleAsync();
        await carla.GetByLabel("Call type").SelectOptionAsync("Video call");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Start the call" }).ClickAsync();
        await Assertions.Expect(lena.GetByText("The call is on (Video call).")).ToBeVisibleAsync();
        await carla.GetByLabel("Call type").SelectOptionAsync("Phone call");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Start another call" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.List, new() { Name = "Calls" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await carla.CheckPageAsync(fixture, "coach-session-room");
        await carla.GetByRole(AriaRole.Button, new() { Name = "End the session" }).ClickAsync();

        var rating = carla.GetByRole(AriaRole.Form, new() { Name = "Rate the session" });
        foreach (var (skill, stars) in new[] { ("Greeting", "5 stars"), ("Discovery", "4 stars"), ("Closing", "4 stars") })
        {
            await rating.GetByRole(AriaRole.Group, new() { Name = skill }).GetByRole(AriaRole.Radio, new() { Name = stars }).CheckAsync();
        }

        await rating.GetByLabel("Comments (for the record)").FillAsync("Ruhig und klar.");
        await rating.GetByLabel("Feedback (the learner reads it)").FillAsync("Strong discovery questions — よくできました.");
        await carla.CheckPageAsync(fixture, "coach-rating");
        await rating.GetByRole(AriaRole.Button, new() { Name = "Save the rating" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Status).Filter(new() { HasText = "Rated" })).ToBeVisibleAsync();
        // The coach still sees what she gave once it is saved.
        var given = carla.GetByRole(AriaRole.Region, new() { Name = "The rating you gave" });
        await Assertions.Expect(given.GetByRole(AriaRole.List, new() { Name = "Stars per skill" })).ToContainTextAsync("Greeting: 5 of 5 stars");
        await Assertions.Expect(given).ToContainTextAsync("Strong discovery questions — よくできました.");

        await Assertions.Expect(lena.GetByText("You met this criterion.")).ToBeVisibleAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.List, new() { Name = "Stars per skill" })).ToContainTextAsync("Greeting: 5 of 5 stars");
        await Assertions.Expect(lena.GetByText("Strong discovery questions — よくできました.")).ToBeVisibleAsync();
        await lena.CheckPageAsync(fixture, "learner-session-rated");
    });

    private async Task BookThreeAsync(DateTime day)
    {
        var lena = fixture.DemoUsers.Single(u => u.DisplayName == "Lena Learner");
        using var client = fixture.ApiAs("Carla Coach");
        var list = JsonNode.Parse(await client.GetStringAsync("certifications"))!["items"]!.AsArray();
        var certification = list.Single(c => c!["title"]!.GetValue<string>() == Certification)!;
        var criterion = certification["criteria"]!.AsArray().Single(c => c!["kind"]!.GetValue<string>() == "live_session")!;
        foreach (var minute in new[] { 0, 20, 40 })
        {
            var response = await client.PostAsJsonAsync("live-sessions", new
            {
                learnerId = lena.Id,
                certificationId = certification["id"]!.GetValue<string>(),
                criterionId = criterion["id"]!.GetValue<string>(),
                startsAt = new DateTimeOffset(day, TimeSpan.Zero).AddHours(8).AddMinutes(minute),
                durationMinutes = 15,
                mode = "sync",
            });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
