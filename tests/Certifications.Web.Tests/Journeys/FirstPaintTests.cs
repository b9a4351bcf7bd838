using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Certifications.Web.Tests.Fixtures;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Journeys;

/// <summary>
/// The learner's home is drawn before React arrives, from the first load's reads; when React takes over, what the learner
/// sees and what assistive technology reads stay exactly the same.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class FirstPaintTests(WebAppFixture fixture)
{
    /// <summary>
    /// The page's markup as a person and a screen reader meet it: elements, attributes (classes in any order) and text,
    /// text nodes as they are split (a split changes how the text is laid out by a pixel). React Router's data-discover
    /// marker is left out; it is its own bookkeeping, not something anyone sees.
    /// </summary>
    private const string Markup = """
        () => {
          const root = document.getElementById('root');
          const attributes = (e) => [...e.attributes]
            .filter((a) => a.name !== 'data-discover')
            .map((a) => [a.name, a.name === 'class' ? a.value.split(/\s+/).filter(Boolean).sort().join(' ') : a.value])
            .filter(([name, value]) => !(name === 'class' && value === ''))
            .sort((x, y) => (x[0] < y[0] ? -1 : 1))
            .map(([name, value]) => ` ${name}="${value}"`).join('');
          const walk = (n) => n.nodeType === Node.TEXT_NODE ? JSON.stringify(n.data)
            : n.nodeType === Node.ELEMENT_NODE ? `<${n.localName}${attributes(n)}>${[...n.childNodes].map(walk).join('')}</${n.localName}>\n` : '';
          return walk(root);
        }
        """;

    [Fact]
    public Task Liams_home_shows_before_React_and_does_not_change_when_React_takes_over() => fixture.JourneyAsync(async () =>
    {
        await AssignAsync("Liam Learner", "Gesprächsführung — 对话练习", "Bitte bis Freitag — 请在周五前完成");
        var liam = await fixture.NewPageAsync();
        await liam.SignInAsync("Liam Learner");
        await Assertions.Expect(liam.GetByRole(AriaRole.Link, new() { Name = "Gesprächsführung — 对话练习" })).ToBeVisibleAsync();

        // React and the pages are held back, as on a slow network: the home must come without them.
        var release = await liam.HoldBackAsync("**/assets/start-*.js");
        await liam.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });

        var list = liam.GetByRole(AriaRole.List, new() { Name = "My certifications" });
        var card = list.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Gesprächsführung — 对话练习" });
        await Assertions.Expect(card.GetByRole(AriaRole.Progressbar, new() { Name = "Progress in Gesprächsführung — 对话练习" }))
            .ToHaveAttributeAsync("aria-valuetext", "0 of 1 criterion met");
        await Assertions.Expect(card).ToContainTextAsync("Bitte bis Freitag — 请在周五前完成");
        await Assertions.Expect(card).ToContainTextAsync("Assigned to you");
        // The due date in the browser's own form of English (British): 24 Dec 2027.
        await Assertions.Expect(card).ToContainTextAsync("Due 24 Dec 2027");
        await Assertions.Expect(liam.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Discover" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(liam).ToHaveTitleAsync("My certifications · Certifications");
        // The top bar names Liam once /me has answered, which the drawing waits for before React may take over.
        await Assertions.Expect(liam.GetByRole(AriaRole.Banner)).ToContainTextAsync("Liam Learner · Northwind Traders");
        await liam.CheckPageAsync(fixture, "home-before-react");

        var before = await liam.EvaluateAsync<string>(Markup);
        var pixelsBefore = await liam.ScreenshotAsync();
        await liam.EvaluateAsync("() => { window.firstMain = document.querySelector('main'); }");
        await liam.EvaluateAsync("""
            () => {
              window.sawLoading = false;
              new MutationObserver(() => { if (document.body.textContent.includes('Loading…')) window.sawLoading = true; })
                .observe(document.body, { childList: true, subtree: true, characterData: true });
            }
            """);

        release.SetResult();
        await liam.WaitForFunctionAsync("() => !window.firstMain.isConnected");

        Assert.Equal(before, await liam.EvaluateAsync<string>(Markup));
        Assert.Equal(pixelsBefore, await liam.ScreenshotAsync());
        Assert.False(await liam.EvaluateAsync<bool>("() => window.sawLoading"), "React's first render showed Loading… over the drawn home");

        // React now runs the page: a link goes there without loading the page again.
        await liam.EvaluateAsync("() => { window.samePage = true; }");
        await liam.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Discover" }).ClickAsync();
        await Assertions.Expect(liam.GetByRole(AriaRole.Heading, new() { Name = "Discover", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await liam.EvaluateAsync<bool>("() => window.samePage === true"));
    });

    [Fact]
    public Task Olgas_home_shows_from_her_list_before_her_details_and_her_coach_links_join_in_their_places() => fixture.JourneyAsync(async () =>
    {
        const string title = "Brandschutz — 防火 — Пожарная безопасность";
        await AssignAsync("Olga Learner", title, "Vor dem Audit.", "Otto Admin");
        using var admin = fixture.ApiAs("Otto Admin");
        var id = fixture.DemoUsers.Single(u => u.DisplayName == "Olga Learner").Id;
        var olgaAsShown = JsonNode.Parse(await admin.GetStringAsync($"users/{id}"))!;
        await SetRolesAsync(admin, id, olgaAsShown, "Learner", "Coach");
        try
        {
            var olga = await fixture.NewPageAsync(390);
            await olga.SignInAsync("Olga Learner");
            await Assertions.Expect(olga.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

            // Who she is answers late, and React is held back: her list must show without either.
            var react = await olga.HoldBackAsync("**/assets/start-*.js");
            var details = await olga.HoldBackAsync(url => new Uri(url).AbsolutePath == "/api/me");
            await olga.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(olga.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
            var main = olga.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link);
            await Assertions.Expect(main).ToHaveTextAsync(["My certifications", "Discover", "My certificates", "Live sessions"]);
            await Assertions.Expect(olga.GetByRole(AriaRole.Banner)).Not.ToContainTextAsync("Olga Learner");

            details.SetResult();
            await Assertions.Expect(olga.GetByRole(AriaRole.Banner)).ToContainTextAsync("Olga Learner · Contoso Academy");
            string[] links = ["My certifications", "Discover", "My certificates", "Review queue", "My team", "Live sessions"];
            await Assertions.Expect(main).ToHaveTextAsync(links);
            await olga.CheckPageAsync(fixture, "home-before-react-coach-too");

            await olga.EvaluateAsync("() => { window.firstMain = document.querySelector('main'); }");
            react.SetResult();
            await olga.WaitForFunctionAsync("() => !window.firstMain.isConnected");
            await Assertions.Expect(main).ToHaveTextAsync(links);
            await main.Filter(new() { HasText = "Review queue" }).ClickAsync();
            await Assertions.Expect(olga.GetByRole(AriaRole.Heading, new() { Name = "Review queue", Level = 1 })).ToBeVisibleAsync();
        }
        finally
        {
            await SetRolesAsync(admin, id, olgaAsShown, "Learner");
        }
    });

    [Fact]
    public Task The_home_drawn_before_React_can_already_sign_out() => fixture.JourneyAsync(async () =>
    {
        var lena = await LenaAtHomeAsync(390);

        var release = await lena.HoldBackAsync("**/assets/start-*.js");
        await lena.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await lena.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(lena).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in$"));
        release.SetResult();
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Certifications" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Zoës_home_shows_styled_while_every_file_of_the_app_is_held_back() => fixture.JourneyAsync(async () =>
    {
        const string title = "Datenschutz — データ保護 — Защита данных";
        await AssignAsync("Zoë Ångström-Núñez", title, "Bis Jahresende, bitte.");
        var zoe = await fixture.NewPageAsync();
        await zoe.SignInAsync("Zoë Ångström-Núñez");
        await Assertions.Expect(zoe.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        // The home shows before React: its files may still be coming, and they are not the reload's.
        await zoe.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Every file but the page itself is held back, as on a first visit after a deploy over a slow network: the
        // start-up and the stylesheet are inside the page, so the home's reads are the first requests and it shows from them.
        var files = await zoe.HoldBackAsync(url => new Uri(url).AbsolutePath is var path && path != "/" && !path.StartsWith("/api/", StringComparison.Ordinal));
        // Requests are reported on Playwright's thread while the test reads the list: a queue takes both safely.
        var requested = new System.Collections.Concurrent.ConcurrentQueue<string>();
        zoe.Request += (_, request) => requested.Enqueue(new Uri(request.Url).AbsolutePath);
        await zoe.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });

        var card = zoe.GetByRole(AriaRole.List, new() { Name = "My certifications" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
        await Assertions.Expect(card).ToContainTextAsync("Bis Jahresende, bitte.");
        await Assertions.Expect(card).ToHaveCSSAsync("border-top-style", "solid");
        await Assertions.Expect(zoe.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        Assert.Equal(["/"], requested.TakeWhile(path => path != "/api/me/assignments"));
        await zoe.AssertNothingRefusedAsync();

        // Once the files come, React takes over the same page, with the answer the page's first script asked for: the
        // list is asked for once.
        files.SetResult();
        await zoe.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Single(requested, path => path == "/api/me/assignments");
        await zoe.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Discover" }).ClickAsync();
        await Assertions.Expect(zoe.GetByRole(AriaRole.Heading, new() { Name = "Discover", Level = 1 })).ToBeVisibleAsync();
        await zoe.AssertNothingRefusedAsync();
    });

    [Fact]
    public Task Focus_in_the_home_drawn_before_React_stays_on_the_same_link_when_React_takes_over() => fixture.JourneyAsync(async () =>
    {
        var lena = await LenaAtHomeAsync();

        var release = await lena.HoldBackAsync("**/assets/start-*.js");
        await lena.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        var discover = lena.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Discover" });
        await discover.FocusAsync();
        await lena.EvaluateAsync("() => { window.firstMain = document.querySelector('main'); }");

        release.SetResult();
        await lena.WaitForFunctionAsync("() => !window.firstMain.isConnected");

        // The keyboard user is where they were, on React's own link now: Enter goes to Discover.
        await Assertions.Expect(discover).ToBeFocusedAsync();
        await lena.Keyboard.PressAsync("Enter");
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Discover certifications", Level = 1 })).ToBeVisibleAsync();
    });

    [Fact]
    public Task When_the_home_is_slow_to_answer_React_comes_anyway_and_says_it_is_loading() => fixture.JourneyAsync(async () =>
    {
        var lena = await LenaAtHomeAsync();

        // The list is slow to answer: the page must not stay blank while it waits.
        var answer = await lena.HoldBackAsync("**/api/me/assignments*");
        await lena.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(lena.GetByText("Loading…")).ToBeVisibleAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();

        answer.SetResult();
        await Assertions.Expect(lena.GetByText("Loading…")).ToBeHiddenAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_list_that_answers_after_React_was_sent_for_still_shows_before_React_arrives() => fixture.JourneyAsync(async () =>
    {
        const string title = "Kundengespräche — 顧客対応";
        await AssignAsync("Lena Learner", title, "Im neuen Jahr.");
        var lena = await LenaAtHomeAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

        // Both slow: the list past the start-up's wait, so React is sent for, and React's files longer still.
        var answer = await lena.HoldBackAsync("**/api/me/assignments*");
        var react = await lena.HoldBackAsync("**/assets/start-*.js");
        var reactAsked = lena.WaitForRequestAsync("**/assets/start-*.js");
        await lena.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await reactAsked;

        answer.SetResult();
        await Assertions.Expect(lena.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Banner)).ToContainTextAsync("Lena Learner");

        react.SetResult();
        await lena.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Discover" }).ClickAsync();
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "Discover certifications", Level = 1 })).ToBeVisibleAsync();
    });

    /// <summary>A new page, as wide as asked, where Lena has signed in and sees her home.</summary>
    private async Task<IPage> LenaAtHomeAsync(int width = 1280)
    {
        var lena = await fixture.NewPageAsync(width);
        await lena.SignInAsync("Lena Learner");
        await Assertions.Expect(lena.GetByRole(AriaRole.Heading, new() { Name = "My certifications", Level = 1 })).ToBeVisibleAsync();
        return lena;
    }

    /// <summary>The user's roles set by their organization's admin, every other field as it was shown before.</summary>
    private static async Task SetRolesAsync(HttpClient admin, string id, JsonNode shown, params string[] roles)
    {
        var user = new
        {
            email = shown["email"]!.GetValue<string>(),
            displayName = shown["displayName"]!.GetValue<string>(),
            roles,
            groupIds = shown["groupIds"],
        };
        (await admin.PutAsJsonAsync($"users/{id}", user)).EnsureSuccessStatusCode();
    }

    /// <summary>A published certification of one content criterion, assigned by the admin to the learner with a due date and a message.</summary>
    private async Task AssignAsync(string learner, string title, string message, string adminName = "Ada Admin")
    {
        using var admin = fixture.ApiAs(adminName);
        var person = fixture.DemoUsers.Single(u => u.DisplayName == learner);
        var criteria = new[] { new { kind = "content", title = "Den Leitfaden lesen — 阅读指南" } };
        var created = JsonNode.Parse(await (await admin.PostAsJsonAsync("certifications", new { title, criteria })).Content.ReadAsStringAsync())!;
        var id = created["id"]!.GetValue<string>();
        (await admin.PostAsync($"certifications/{id}/publish", null)).EnsureSuccessStatusCode();
        var due = new DateTimeOffset(2027, 12, 24, 9, 0, 0, TimeSpan.Zero);
        var assignment = new { learnerIds = new[] { person.Id }, dueDate = due, message };
        (await admin.PostAsJsonAsync($"certifications/{id}/assignments", assignment)).EnsureSuccessStatusCode();
    }
}
