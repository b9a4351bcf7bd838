using System.Net.Http.Json;
using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>What goes wrong in real life: a session that ends, a network that drops, a file that cannot go, an add-on switched off.</summary>
[Collection(WebAppCollection.Name)]
public sealed class FaultsTests(WebAppFixture fixture)
{
    private const string Activity = "Upload a recorded feedback conversation";

    [Fact]
    public Task An_ended_session_signs_in_again_and_returns_to_the_page_it_was_going_to() => fixture.JourneyAsync(async () =>
    {
        var sofia = await fixture.NewPageAsync();
        await sofia.SignInAsync("Sofia Support", "/certificates");
        await Assertions.Expect(sofia.GetByRole(AriaRole.Heading, new() { Name = "My certificates", Level = 1 })).ToBeVisibleAsync();

        // The token runs out while the page is open: the next call is refused with 401.
        await sofia.EvaluateAsync(
            "() => { const k = 'certifications.dev-session'; const s = JSON.parse(localStorage.getItem(k)); s.token = 'expired'; "
            + "localStorage.setItem(k, JSON.stringify(s)); }");
        await sofia.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Discover" }).ClickAsync();

        await Assertions.Expect(sofia.GetByText("Your session ended.")).ToBeVisibleAsync();
        await sofia.CheckPageAsync(fixture, "sign-in-again");
        await sofia.GetByRole(AriaRole.Button, new() { Name = "Sofia Support", Exact = true }).ClickAsync();
        await Assertions.Expect(sofia.GetByRole(AriaRole.Heading, new() { Name = "Discover certifications", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith("/discover", sofia.Url, StringComparison.Ordinal);

        await sofia.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(sofia.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Certifications" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_second_tab_is_signed_in_and_signing_out_in_one_tab_signs_out_both() => fixture.JourneyAsync(async () =>
    {
        var first = await fixture.NewPageAsync();
        await first.SignInAsync("Sofia Support", "/certificates");
        await Assertions.Expect(first.GetByRole(AriaRole.Heading, new() { Name = "My certificates", Level = 1 })).ToBeVisibleAsync();

        // A link opened in a new tab of the same browser: the person is still signed in there.
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/discover");
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Discover certifications", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith("/discover", second.Url, StringComparison.Ordinal);

        await first.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Certifications" })).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Certifications" })).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Discover certifications" })).ToHaveCountAsync(0);

        // And a tab opened afterwards is not signed in either.
        var third = await first.Context.NewPageAsync();
        await third.GotoAsync("/certificates");
        await Assertions.Expect(third.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Certifications" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task When_the_api_is_out_of_reach_the_page_says_so_keeps_what_was_typed_and_tries_again() => fixture.JourneyAsync(async () =>
    {
        var zoe = await fixture.NewPageAsync(390);
        await zoe.SignInAsync("Zoë Ångström-Núñez", "/discover");
        await zoe.GetByRole(AriaRole.Button, new() { Name = "Enroll in Giving Feedback" }).ClickAsync();
        await zoe.GetByRole(AriaRole.Button, new() { Name = "Get started" }).ClickAsync();
        var form = zoe.GetByRole(AriaRole.Form, new() { Name = $"Hand in evidence for {Activity}" });
        await Assertions.Expect(form).ToBeVisibleAsync();

        // Refused in the page, before anything is uploaded: a type the API does not take, a file over the limit.
        await form.GetByLabel($"Files for {Activity}").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "programm.exe", MimeType = "application/x-msdownload", Buffer = [1, 2, 3] },
            new FilePayload { Name = "groß.pdf", MimeType = "application/pdf", Buffer = new byte[(10 * 1024 * 1024) + 1] },
        });
        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("“programm.exe” is not a file type you can hand in");
        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("“groß.pdf” is larger than 10 MB");
        await Assertions.Expect(form.GetByRole(AriaRole.List, new() { Name = "Files to hand in" })).ToHaveCountAsync(0);

        const string note = "Notizen zum Gespräch — 会话笔记 — ملاحظات";
        await form.GetByLabel("Your note").FillAsync(note);
        await zoe.RouteAsync("**/api/**", route => route.AbortAsync("internetdisconnected"));
        await form.GetByRole(AriaRole.Button, new() { Name = "Hand in" }).ClickAsync();

        await Assertions.Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("can’t be reached right now");
        await Assertions.Expect(form.GetByLabel("Your note")).ToHaveValueAsync(note);
        await zoe.CheckPageAsync(fixture, "learner-offline");

        await zoe.UnrouteAllAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Hand in" }).ClickAsync();
        await Assertions.Expect(zoe.GetByText(note)).ToBeVisibleAsync();

        // A page that cannot load offers to try again.
        await zoe.RouteAsync("**/api/me/certificates?*", route => route.AbortAsync("internetdisconnected"));
        await zoe.GotoAsync("/certificates");
        var retry = zoe.GetByRole(AriaRole.Button, new() { Name = "Try again" });
        await Assertions.Expect(retry).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await zoe.UnrouteAllAsync();
        await retry.ClickAsync();
        await Assertions.Expect(zoe.GetByText("No certificates yet.")).ToBeVisibleAsync();
    });

    [Fact]
    public Task With_the_add_on_off_a_learner_sees_a_page_that_says_so() => fixture.JourneyAsync(async () =>
    {
        using var admin = fixture.ApiAs("Otto Admin");
        (await admin.PutAsJsonAsync("org/settings", new { addOns = new { certifications = false } })).EnsureSuccessStatusCode();
        try
        {
            var olga = await fixture.NewPageAsync();
            await olga.SignInAsync("Olga Learner");
            await Assertions.Expect(olga.GetByRole(AriaRole.Heading, new() { Name = "Certifications is switched off for your organization" }))
                .ToBeVisibleAsync();
            await olga.CheckPageAsync(fixture, "add-on-off");
        }
        finally
        {
            (await admin.PutAsJsonAsync("org/settings", new { addOns = new { certifications = true } })).EnsureSuccessStatusCode();
        }
    });
}
