using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>Not demonstrated, sent back at approval, handed in again: the loop a learner and a coach go round until it is right.</summary>
[Collection(WebAppCollection.Name)]
public sealed class ResubmissionJourneyTests(WebAppFixture fixture)
{
    private const string Activity = "Upload a recorded feedback conversation";
    private const string Observation = "Coach observes a feedback session";

    [Fact]
    public Task Liam_is_told_what_to_change_hands_in_again_and_earns_it_and_a_second_coach_page_sees_it_was_decided() =>
        fixture.JourneyAsync(async () =>
    {
        var liam = await fixture.NewPageAsync();
        await liam.SignInAsync("Liam Learner", "/discover");
        await liam.GetByRole(AriaRole.Button, new() { Name = "Enroll in Giving Feedback" }).ClickAsync();
        await liam.GetByRole(AriaRole.Button, new() { Name = "Get started" }).ClickAsync();
        await liam.GetByRole(AriaRole.Button, new() { Name = "Mark as done Read the feedback guide" }).ClickAsync();
        await HandInAsync(liam, "Erster Versuch", "Aufnahme-1.txt");
        await liam.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(liam.GetByText("Submitted", new() { Exact = true })).ToBeVisibleAsync();
        var enrollment = liam.Url;

        var carla = await fixture.NewPageAsync();
        await carla.SignInAsync("Carla Coach");
        await carla.GetByRole(AriaRole.Link, new() { Name = "Liam Learner: Giving Feedback" }).ClickAsync();
        var review = carla.GetByRole(AriaRole.Form, new() { Name = $"Review {Activity}" });
        await review.GetByRole(AriaRole.Radio, new() { Name = "Not demonstrated", Exact = true }).CheckAsync();
        await review.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();

        // The API's sentence appears at the field it names, and nothing was decided.
        await Assertions.Expect(review.Locator("#" + await review.GetByLabel("Feedback").GetAttributeAsync("aria-describedby")))
            .ToContainTextAsync("Feedback is required");
        await carla.CheckPageAsync(fixture, "coach-review-refused");
        await review.GetByLabel("Feedback").FillAsync("Ask one open question before you give advice.");
        await review.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Assertions.Expect(review).ToHaveCountAsync(0);

        await liam.ReloadAsync();
        await Assertions.Expect(liam.GetByText("Not earned yet", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(liam.GetByText("Ask one open question before you give advice.")).ToBeVisibleAsync();
        await liam.CheckPageAsync(fixture, "learner-not-earned");
        await HandInAsync(liam, "Zweiter Versuch, mit offener Frage", "Aufnahme-2.txt");
        await liam.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(liam.GetByText("Submitted", new() { Exact = true })).ToBeVisibleAsync();

        await carla.ReloadAsync();
        await DecideAsync(carla, Activity, "Demonstrated", "Much better.");
        await DecideAsync(carla, Observation, "Demonstrated", "Good.");
        var second = await fixture.NewPageAsync();
        await second.SignInAsync("Carla Coach", new Uri(carla.Url).PathAndQuery);

        var approval = carla.GetByRole(AriaRole.Region, new() { Name = "Approval" });
        await approval.GetByLabel("Comment (required to send it back)").FillAsync("Add the recording's date, please.");
        await approval.GetByRole(AriaRole.Button, new() { Name = "Send back" }).ClickAsync();
        await Assertions.Expect(approval).ToHaveCountAsync(0);

        await liam.GotoAsync(enrollment);
        await Assertions.Expect(liam.GetByText("Add the recording's date, please.")).ToBeVisibleAsync();
        await liam.GetByRole(AriaRole.Button, new() { Name = "Submit again" }).ClickAsync();
        await Assertions.Expect(liam.GetByText("Submitted", new() { Exact = true })).ToBeVisibleAsync();

        // The second page keeps showing the approval request (its refreshes are held back, as on a flaky network);
        // deciding there after Carla did says what happened, and shows the record as it is now.
        var stale = second.GetByRole(AriaRole.Region, new() { Name = "Approval" });
        await Assertions.Expect(stale).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await second.RouteAsync("**/api/enrollments/*", route => route.Request.Method == "GET" ? route.AbortAsync() : route.ContinueAsync());
        await carla.ReloadAsync();
        await carla.GetByRole(AriaRole.Region, new() { Name = "Approval" }).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(carla.GetByRole(AriaRole.Region, new() { Name = "Approval" })).ToHaveCountAsync(0);
        await stale.GetByLabel("Comment (required to send it back)").FillAsync("Noch einmal, bitte.");
        await stale.GetByRole(AriaRole.Button, new() { Name = "Send back" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone may have decided before you.");
        await second.CheckPageAsync(fixture, "coach-stale-decision");
        await second.UnrouteAllAsync();
        try
        {
            await second.GetByRole(AriaRole.Button, new() { Name = "Show the record as it is now" }).ClickAsync(new() { Timeout = 5000 });
        }
        catch (TimeoutException)
        {
            // The page's own refresh (every few seconds while the workflow may move) got there before the click: as good.
        }

        await Assertions.Expect(second.GetByRole(AriaRole.Region, new() { Name = "Approval" })).ToHaveCountAsync(0);

        await liam.ReloadAsync();
        await Assertions.Expect(liam.GetByText("Earned", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    });

    private static async Task HandInAsync(IPage learner, string note, string fileName)
    {
        var form = learner.GetByRole(AriaRole.Form, new() { Name = $"Hand in evidence for {Activity}" });
        await form.GetByLabel("Your note").FillAsync(note);
        await form.GetByLabel($"Files for {Activity}").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes(note),
        });
        await form.GetByRole(AriaRole.Button, new() { Name = "Hand in" }).ClickAsync();
        await Assertions.Expect(learner.GetByRole(AriaRole.Button, new() { Name = $"Open {fileName}" })).ToBeVisibleAsync();
    }

    private static async Task DecideAsync(IPage coach, string criterion, string decision, string feedback)
    {
        var form = coach.GetByRole(AriaRole.Form, new() { Name = $"Review {criterion}" });
        await form.GetByRole(AriaRole.Radio, new() { Name = decision, Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Radio, new() { Name = "4", Exact = true }).CheckAsync();
        await form.GetByLabel("Feedback").FillAsync(feedback);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Assertions.Expect(form).ToHaveCountAsync(0);
    }
}
