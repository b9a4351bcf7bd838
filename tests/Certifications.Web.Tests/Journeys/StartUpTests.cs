using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>How the app starts: with the settings it kept, following a deploy that changes them, and saying when it cannot.</summary>
[Collection(WebAppCollection.Name)]
public sealed class StartUpTests(WebAppFixture fixture)
{
    [Theory]
    [InlineData("/%5Cevil.example/x")]
    [InlineData("/%09/evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public Task Signing_in_never_sends_the_person_off_site_whatever_returnTo_says(string returnTo) => fixture.JourneyAsync(async () =>
    {
        var lena = await fixture.NewPageAsync();
        var offSite = new List<string>();
        lena.Request += (_, request) =>
        {
            if (request.IsNavigationRequest && !request.Url.StartsWith(fixture.Host.BaseUrl, StringComparison.Ordinal))
            {
                offSite.Add(request.Url);
            }
        };

        await lena.SignInAsync("Lena Learner", "/sign-in?returnTo=" + returnTo);

        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();
        Assert.StartsWith(fixture.Host.BaseUrl, lena.Url, StringComparison.Ordinal);
        Assert.Empty(offSite);
    });

    [Fact]
    public Task A_deploy_that_changes_the_settings_is_followed_on_the_next_load() => fixture.JourneyAsync(async () =>
    {
        var lena = await fixture.NewPageAsync();
        await lena.SignInAsync("Lena Learner");
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();

        // A returning visitor starts with the settings the browser kept: a settings file that does not answer holds nothing up.
        await lena.RouteAsync("**/config.json", _ => Task.Delay(Timeout.Infinite));
        await lena.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();
        await lena.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });

        // The next deploy says Entra signs people in, but leaves out the client id: the app must stop and say why.
        await lena.RouteAsync("**/config.json", route => route.FulfillAsync(new()
        {
            ContentType = "application/json",
            Body = """{ "signIn": "entra", "apiBaseUrl": "/api" }""",
        }));
        await lena.ReloadAsync();

        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Certifications could not start" })).ToBeVisibleAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Alert)).ToContainTextAsync("config.json needs clientId and apiScope");

        // Fixed by the deploy after it: one more load and Lena is home again, still signed in.
        await lena.UnrouteAllAsync();
        await lena.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Settings_that_cannot_be_read_on_a_first_visit_are_explained_with_a_way_to_try_again() => fixture.JourneyAsync(async () =>
    {
        var visitor = await fixture.NewPageAsync();
        await visitor.RouteAsync("**/config.json", route => route.FulfillAsync(new() { Status = 503 }));
        await visitor.GotoAsync("/");

        await Assertions.Expect(visitor.GetByRole(AriaRole.Alert)).ToContainTextAsync("The app's settings (/config.json) could not be read: 503");
        await visitor.CheckPageAsync(fixture, "could-not-start");
        await visitor.UnrouteAllAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Certifications" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_tab_shows_the_apps_icon() => fixture.JourneyAsync(async () =>
    {
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Certifications" })).ToBeVisibleAsync();

        var icon = await visitor.Locator("link[rel='icon']").GetAttributeAsync("href");
        var answer = await visitor.APIRequest.GetAsync(icon!);

        Assert.Equal(200, answer.Status);
        Assert.Equal("image/svg+xml", answer.Headers["content-type"]);
        Assert.Contains("<title>Certifications</title>", await answer.TextAsync(), StringComparison.Ordinal);
    });

    [Fact]
    public Task When_the_app_itself_cannot_be_fetched_the_page_says_so_and_tries_again() => fixture.JourneyAsync(async () =>
    {
        var lena = await fixture.NewPageAsync();
        await lena.SignInAsync("Lena Learner");
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();

        // The network drops between the page and the rest of the app: the chunk with React and the pages never arrives.
        await lena.RouteAsync("**/assets/start-*.js", route => route.AbortAsync("internetdisconnected"));
        await lena.ReloadAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Certifications could not start" })).ToBeVisibleAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();

        await lena.UnrouteAllAsync();
        await lena.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();
    });
}
