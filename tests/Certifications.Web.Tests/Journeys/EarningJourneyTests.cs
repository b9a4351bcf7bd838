using System.Text.RegularExpressions;
using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>From self-enrollment to a certificate anyone can verify, clicked through as Lena and her coach Carla would.</summary>
[Collection(WebAppCollection.Name)]
public sealed class EarningJourneyTests(WebAppFixture fixture)
{
    private const string Certification = "Giving Feedback";

    [Fact]
    public Task Lena_enrolls_hands_in_and_submits_Carla_reviews_and_approves_and_Lena_gets_a_certificate_she_can_share() =>
        fixture.JourneyAsync(async () =>
    {
        var lena = await fixture.NewPageAsync();
        await lena.SignInAsync("Lena Learner");
        await Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();
        await lena.CheckPageAsync(fixture, "learner-home-empty");

        await lena.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Discover" }).ClickAsync();
        await Expect(lena.GetByRole(AriaRole.Heading, new() { Name = Certification })).ToBeVisibleAsync();
        await lena.CheckPageAsync(fixture, "learner-discover");
        await lena.GetByRole(AriaRole.Button, new() { Name = $"Enroll in {Certification}" }).ClickAsync();

        await Expect(lena.GetByRole(AriaRole.Heading, new() { Name = Certification, Level = 1 })).ToBeVisibleAsync();
        await Expect(lena.GetByText("Not started", new() { Exact = true }).First).ToBeVisibleAsync();
        await lena.GetByRole(AriaRole.Button, new() { Name = "Get started" }).ClickAsync();
        // The button is gone once started; focus goes to where the record stands, not to the page's end.
        await Expect(lena.GetByRole(AriaRole.Region, new() { Name = "Where you stand" })).ToBeFocusedAsync();
        await lena.GetByRole(AriaRole.Button, new() { Name = "Mark as done Read the feedback guide" }).ClickAsync();
        await Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Read the feedback guide" })).ToBeFocusedAsync();
        await Expect(lena.GetByText("In progress", new() { Exact = true })).ToBeVisibleAsync();

        var handIn = lena.GetByRole(AriaRole.Form, new() { Name = "Hand in evidence for Upload a recorded feedback conversation" });
        await Expect(handIn.GetByText("Up to 5 files, each at most 10 MB")).ToBeVisibleAsync();
        await handIn.GetByLabel("Your note").FillAsync("Feedback-Gespräch mit Liam, 12 Minuten — 反馈");
        await handIn.GetByLabel("Files for Upload a recorded feedback conversation").SetInputFilesAsync(new FilePayload
        {
            Name = "Gespräch-反馈.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4 a recorded conversation"u8.ToArray(),
        });
        await Expect(handIn.GetByText("Gespräch-反馈.pdf")).ToBeVisibleAsync();
        await lena.CheckPageAsync(fixture, "learner-enrollment-hand-in");
        await handIn.GetByRole(AriaRole.Button, new() { Name = "Hand in" }).ClickAsync();
        await Expect(lena.GetByRole(AriaRole.Button, new() { Name = "Open Gespräch-反馈.pdf" })).ToBeVisibleAsync();

        await lena.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(lena.GetByText("Submitted", new() { Exact = true })).ToBeVisibleAsync();
        await lena.CheckPageAsync(fixture, "learner-enrollment-submitted");

        var carla = await fixture.NewPageAsync();
        await carla.SignInAsync("Carla Coach");
        await Expect(carla.GetByRole(AriaRole.Heading, new() { Name = "Review queue", Level = 1 })).ToBeVisibleAsync();
        // The navigation says how much waits in her queue, Lena's submission included.
        var queueLink = carla.GetByRole(AriaRole.Navigation, new() { Name = "Main" })
            .GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Review queue") });
        await Expect(queueLink).ToHaveAccessibleNameAsync(new Regex(@"^Review queue\s*\d+ waits?$"));
        var waiting = int.Parse(
            (await queueLink.Locator(".nav-count [aria-hidden]").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        await carla.CheckPageAsync(fixture, "coach-review-queue");
        await carla.GetByRole(AriaRole.Link, new() { Name = $"Lena Learner: {Certification}" }).ClickAsync();
        await Expect(carla.GetByText("Feedback-Gespräch mit Liam, 12 Minuten — 反馈")).ToBeVisibleAsync();
        await carla.CheckPageAsync(fixture, "coach-review-submission");

        await ReviewAsync(carla, "Upload a recorded feedback conversation", "Demonstrated", "4", "Konkret und freundlich.");
        await ReviewAsync(carla, "Coach observes a feedback session", "Demonstrated", "5", "A good session.");

        var approval = carla.GetByRole(AriaRole.Region, new() { Name = "Approval" });
        await Expect(approval).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await approval.GetByLabel("Comment (required to send it back)").FillAsync("Well earned, Lena.");
        await carla.CheckPageAsync(fixture, "coach-approval");
        await approval.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await carla.GetByRole(AriaRole.Link, new() { Name = "Back to the review queue" }).ClickAsync();
        await Expect(carla.GetByRole(AriaRole.Link, new() { Name = $"Lena Learner: {Certification}" })).ToHaveCountAsync(0);
        var left = waiting - 1;
        await Expect(queueLink).ToHaveAccessibleNameAsync(
            left == 0 ? new Regex("^Review queue$") : new Regex($@"^Review queue\s*{left} wait{(left == 1 ? "s" : string.Empty)}$"));

        await lena.ReloadAsync();
        await Expect(lena.GetByText("Earned", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await lena.GetByRole(AriaRole.Link, new() { Name = "See your certificate" }).ClickAsync();
        var card = lena.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Certification });
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Download PDF" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The certificate's picture comes first; every way to share it is behind one Share button.
        await Expect(card.GetByRole(AriaRole.Img, new() { Name = $"The certificate of {Certification}" })).ToBeVisibleAsync();
        await card.EvaluateAsync("card => card.querySelector('img').decode()");
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Add to LinkedIn profile" })).ToBeHiddenAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Share" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Share" })).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(card.GetByRole(AriaRole.Img, new() { Name = "QR code of the verification link" })).ToBeVisibleAsync();
        foreach (var way in new[] { "Post on LinkedIn", "Post on X", "Send by e-mail" })
        {
            await Expect(card.GetByRole(AriaRole.Link, new() { Name = way })).ToBeVisibleAsync();
        }

        var post = await card.GetByRole(AriaRole.Link, new() { Name = "Post on X" }).GetAttributeAsync("href");
        Assert.StartsWith("https://x.com/intent/post?", post, StringComparison.Ordinal);
        Assert.Contains("text=I+earned+Giving+Feedback+from+Northwind+Traders.", post, StringComparison.Ordinal);
        await lena.CheckPageAsync(fixture, "learner-certificates");

        // From the keyboard: Escape closes the menu and gives the focus back to its button; Enter opens it again.
        await card.GetByRole(AriaRole.Link, new() { Name = "Post on X" }).FocusAsync();
        await lena.Keyboard.PressAsync("Escape");
        var share = card.GetByRole(AriaRole.Button, new() { Name = "Share" });
        await Expect(share).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(share).ToBeFocusedAsync();
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Post on X" })).ToBeHiddenAsync();
        await lena.Keyboard.PressAsync("Enter");
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Add to LinkedIn profile" })).ToBeVisibleAsync();

        var pdf = await lena.APIRequest.GetAsync((await card.GetByRole(AriaRole.Link, new() { Name = "Download PDF" }).GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]), StringComparison.Ordinal);

        var linkedIn = await card.GetByRole(AriaRole.Link, new() { Name = "Add to LinkedIn profile" }).GetAttributeAsync("href");
        Assert.Contains("name=Giving+Feedback", linkedIn, StringComparison.Ordinal);
        Assert.Contains("organizationName=Northwind+Traders", linkedIn, StringComparison.Ordinal);

        var verification = lena.Context.WaitForPageAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = "Verification page" }).ClickAsync();
        var verify = await verification;
        await Expect(verify.GetByText("Lena Learner")).ToBeVisibleAsync();
        await Expect(verify.GetByText(new Regex("valid", RegexOptions.IgnoreCase)).First).ToBeVisibleAsync();
        await verify.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, "verification-page.png"), FullPage = true });

        await lena.GotoAsync("/");
        var earned = lena.GetByRole(AriaRole.List, new() { Name = "My certifications" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = Certification });
        await Expect(earned.GetByText("Earned", new() { Exact = true })).ToBeVisibleAsync();
        await lena.CheckPageAsync(fixture, "learner-home");
    });

    private static async Task ReviewAsync(IPage coach, string criterion, string decision, string rating, string feedback)
    {
        var form = coach.GetByRole(AriaRole.Form, new() { Name = $"Review {criterion}" });
        await form.GetByRole(AriaRole.Radio, new() { Name = decision, Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Radio, new() { Name = rating, Exact = true }).CheckAsync();
        await form.GetByLabel("Feedback").FillAsync(feedback);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
