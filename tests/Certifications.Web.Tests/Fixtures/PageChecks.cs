using System.Text.Json;
using Certifications.DevHost;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Fixtures;

/// <summary>What every page must be: free of serious accessibility faults, usable at 390 px, and looked at.</summary>
public static class PageChecks
{
    private static readonly Lazy<string> Axe = new(() =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "web", "node_modules", "axe-core", "axe.min.js")));

    /// <summary>Signs in through the local sign-in page by clicking the person's name.</summary>
    public static async Task SignInAsync(this IPage page, string displayName, string path = "/")
    {
        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = displayName, Exact = true }).ClickAsync();
        // The address, not the load event: a page that navigates on as it loads can make "load" a race that is never won.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"), new() { Timeout = 20_000 });
    }

    /// <summary>Holds back every request matching the glob url, as a slow network would, until the returned source is set.</summary>
    public static Task<TaskCompletionSource> HoldBackAsync(this IPage page, string url) => HoldBackAsync(hold => page.RouteAsync(url, hold));

    /// <summary>Holds back every request whose URL the predicate picks, until the returned source is set.</summary>
    public static Task<TaskCompletionSource> HoldBackAsync(this IPage page, Func<string, bool> url) => HoldBackAsync(hold => page.RouteAsync(url, hold));

    private static async Task<TaskCompletionSource> HoldBackAsync(Func<Func<IRoute, Task>, Task> route)
    {
        var release = new TaskCompletionSource();
        await route(async held =>
        {
            await release.Task;
            await held.ContinueAsync();
        });
        return release;
    }

    /// <summary>Runs axe-core on the page as it is; serious and critical violations fail the test, naming the rule and the element.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // Evaluated through the debugging protocol: the app's CSP rightly refuses an injected script tag.
        await page.EvaluateAsync("() => { " + Axe.Value + "\n}");
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        var violations = json.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"{page.Url}: {string.Join("\n", violations)}");
    }

    /// <summary>At 390 px nothing sticks out sideways.</summary>
    public static async Task AssertNoSidewaysScrollAsync(this IPage page)
    {
        var original = page.ViewportSize!;
        await page.SetViewportSizeAsync(390, original.Height);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await page.SetViewportSizeAsync(original.Width, original.Height);
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow}px at 390px");
    }

    /// <summary>Saves a full-page screenshot at desk width and at 390 px, to be looked at.</summary>
    public static async Task ScreenshotAsync(this IPage page, WebAppFixture fixture, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, name + ".png"), FullPage = true });
        var original = page.ViewportSize!;
        await page.SetViewportSizeAsync(390, original.Height);
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, name + "-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(original.Width, original.Height);
    }

    /// <summary>
    /// Keeps what the Content-Security-Policy refused on the page: a refused stylesheet would leave the page unstyled while
    /// its roles and names still read.
    /// </summary>
    public const string RecordPolicyViolations = """
        window.policyViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.policyViolations.push(`${e.violatedDirective} refused ${e.blockedURI}`));
        """;

    /// <summary>The browser refused nothing the page holds or loads.</summary>
    public static async Task AssertNothingRefusedAsync(this IPage page)
    {
        var refused = await page.EvaluateAsync<string[]>("() => window.policyViolations ?? []");
        Assert.True(refused.Length == 0, $"{page.Url}: {string.Join("\n", refused)}");
    }

    /// <summary>Every check a page gets once its content is there.</summary>
    public static async Task CheckPageAsync(this IPage page, WebAppFixture fixture, string name)
    {
        await page.AssertNothingRefusedAsync();
        await page.AssertAccessibleAsync();
        await page.AssertNoSidewaysScrollAsync();
        await page.ScreenshotAsync(fixture, name);
    }
}
