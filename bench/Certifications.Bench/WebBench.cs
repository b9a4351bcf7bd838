using System.IO.Compression;
using System.Net.Http.Headers;
using Certifications.DevHost;
using Certifications.DevHost.Demo;
using Certifications.DevHost.Identity;
using Certifications.DevHost.Storage;
using Certifications.DevHost.Web;
using Microsoft.Playwright;

namespace Certifications.Bench;

/// <summary>
/// The web app's budgets (web.md): gzipped JavaScript on first load, API calls per page's first render, and the time to
/// the learner's home content beside the React floor (the smallest page on the same stack that fetches the same JSON and
/// renders the same list), in one Chromium; the bare HTML page's time is printed beside them as information.
/// </summary>
public static class WebBench
{
    /// <summary>With <paramref name="timeline"/>, each app round also prints when each request ran (ms since navigation).</summary>
    public static async Task RunAsync(int rounds, bool timeline)
    {
        var dist = Path.Combine(RepositoryRoot.Find(), "web", "dist");
        var chunks = Directory.GetFiles(Path.Combine(dist, "assets"), "*.*js")
            .Where(p => p.EndsWith(".js", StringComparison.Ordinal) || p.EndsWith(".mjs", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetFileName(p), p => Gzipped(File.ReadAllBytes(p)), StringComparer.Ordinal);

        var site = await WebFloors.BuildSiteAsync();
        try
        {
            await MeasureAsync(site, chunks, rounds, timeline);
        }
        finally
        {
            Directory.Delete(site, recursive: true);
        }
    }

    private static async Task MeasureAsync(string site, Dictionary<string, long> chunks, int rounds, bool timeline)
    {
        await using var azurite = await Azurite.StartAsync(RepositoryRoot.Find(), dataFolder: null);
        await using var host = await BenchHost.StartAsync(azurite.ConnectionString, "webbench" + Guid.NewGuid().ToString("N")[..8], site);
        var users = await host.Services.GetRequiredService<DemoOrganizations>().SeedAsync();
        await host.Services.GetRequiredService<DevSignIn>().OfferAsync(users);
        var accounts = host.Services.GetRequiredService<DevAccounts>();
        var lena = users.Single(u => u.DisplayName == "Lena Learner");
        var lenaToken = accounts.TokenFor(lena);
        await EnrollAsync(host.BaseUrl, lenaToken);

        // Each person's time zone is saved on their first visit (one more call, once); the pages are measured as they open after it.
        foreach (var user in users)
        {
            using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl + "/api/") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accounts.TokenFor(user));
            (await client.PutAsJsonAsync("me/preferences", new { timeZone = "Europe/Berlin" })).EnsureSuccessStatusCode();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox"] });

        // First load: every script the learner's home page fetches, the entry and the chunks it imports at start.
        var (_, homeScripts) = await CountAsync(browser, host.BaseUrl, lenaToken, "/", "ul[aria-label='My certifications'] li");
        Console.WriteLine("## Gzipped JavaScript (budget: 150 KB on first load)");
        Console.WriteLine("| file | gzipped KB | on the learner's first load |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, bytes) in chunks.OrderByDescending(c => c.Value))
        {
            Console.WriteLine(MarkdownRow.Of($"{name}", $"{bytes / 1024.0:F1}", $"{(homeScripts.Contains(name) ? "yes" : "no")}"));
        }

        Console.WriteLine(string.Create(
            System.Globalization.CultureInfo.InvariantCulture, $"first load: {homeScripts.Sum(n => chunks[n]) / 1024.0:F1} KB gzipped"));

        Console.WriteLine();
        Console.WriteLine("## API calls on each page's first render (budget: 2), and scripts fetched");
        Console.WriteLine("| who | page | API calls | scripts |");
        Console.WriteLine("|---|---|---|---|");
        var carla = accounts.TokenFor(users.Single(u => u.DisplayName == "Carla Coach"));
        var ada = accounts.TokenFor(users.Single(u => u.DisplayName == "Ada Admin"));
        var certification = await FirstCertificationAsync(host.BaseUrl, ada);
        var adminScripts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (who, token, path, ready) in new[]
        {
            ("Lena", lenaToken, "/", "ul[aria-label='My certifications'] li"),
            ("Lena", lenaToken, "/discover", "h1"),
            ("Lena", lenaToken, "/certificates", "h1"),
            ("Lena", lenaToken, "/live-sessions", "h1"),
            ("Carla", carla, "/coach/reviews", "h1"),
            ("Carla", carla, "/coach/team", "h1"),
            ("Carla", carla, "/coach/schedule", "h1"),
            ("Ada", ada, "/admin", "h1"),
            ("Ada", ada, "/admin/catalog", "ul[aria-label='Certifications'] li"),
            ("Ada", ada, $"/admin/certifications/{certification}", "form[aria-label='Certification']"),
            ("Ada", ada, $"/admin/certifications/{certification}/design", "img.certificate-picture"),
            ("Ada", ada, $"/admin/certifications/{certification}/records", "h1"),
            ("Ada", ada, "/admin/people", "table"),
            ("Ada", ada, "/admin/people/groups", "h1"),
            ("Ada", ada, "/admin/people/import", "h1"),
            ("Ada", ada, "/admin/certificates", "h1"),
            ("Ada", ada, "/admin/reports", "h1"),
            ("Ada", ada, "/admin/reports/stored", "h1"),
            ("Ada", ada, "/admin/settings", "h1"),
            ("Ada", ada, "/admin/settings/deliveries", "h1"),
        })
        {
            var (calls, scripts) = await CountAsync(browser, host.BaseUrl, token, path, ready);
            if (who == "Ada")
            {
                adminScripts.UnionWith(scripts.Where(s => !homeScripts.Contains(s)));
            }

            var named = scripts.Select(s => s.Split('-')[0]);
            Console.WriteLine(MarkdownRow.Of($"{who}", $"{path}", $"{calls.Count} ({string.Join(", ", calls)})", $"{string.Join(", ", named)}"));
        }

        Console.WriteLine(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"admin routes, beyond the first load: {adminScripts.Sum(n => chunks[n]) / 1024.0:F1} KB gzipped ({string.Join(", ", adminScripts.Order())})"));

        Console.WriteLine();
        foreach (var returning in new[] { false, true })
        {
            Console.WriteLine();
            Console.WriteLine(returning
                ? "## The same for a returning learner (ms): each page opened twice in its browser context first, so its files are cached"
                : "## Time to the learner's home content (ms), each page in a new browser context, signed in, nothing in its HTTP cache");
            Console.WriteLine("| round | app | React floor | bare | React floor / app | bare / app |");
            Console.WriteLine("|---|---|---|---|---|---|");
            var ratios = new List<double>();
            var bareRatios = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                // Each round starts with another of the three, so none always follows the same work in the browser.
                var times = new double[Pages.Length];
                for (var turn = 0; turn < Pages.Length; turn++)
                {
                    var which = (round - 1 + turn) % Pages.Length;
                    times[which] = await TimeAsync(browser, host.BaseUrl, lenaToken, Pages[which].Path, Pages[which].Ready, timeline, returning);
                }

                var (app, react, bare) = (times[0], times[1], times[2]);
                ratios.Add(react / app);
                bareRatios.Add(bare / app);
                Console.WriteLine(MarkdownRow.Of($"{round}", $"{app:F0}", $"{react:F0}", $"{bare:F0}", $"{react / app:F2}", $"{bare / app:F2}"));
            }

            Console.WriteLine(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"median React floor / app: {Stats.Median(ratios):F2} (target ≥ 0.9); median bare / app: {Stats.Median(bareRatios):F2} (information)"));
        }
    }

    /// <summary>The pages timed in each round: the app, the React floor, the bare page.</summary>
    private static readonly (string Path, string Ready)[] Pages = [("/", AppHome), (WebFloors.ReactPath, FloorHome), (WebFloors.BarePath, FloorHome)];

    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private const string AppHome = "ul[aria-label='My certifications'] li";
    private const string FloorHome = "ul#list li";

    private static long Gzipped(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.Length;
    }

    private static async Task EnrollAsync(string baseUrl, string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl + "/api/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var open = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("me/discover"))!["items"]!.AsArray();
        foreach (var certification in open)
        {
            (await client.PostAsync($"certifications/{certification!["id"]!.GetValue<string>()}/enrollments", null)).EnsureSuccessStatusCode();
        }
    }

    private static async Task<string> FirstCertificationAsync(string baseUrl, string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl + "/api/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var all = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("certifications"))!["items"]!.AsArray();
        return all[0]!["id"]!.GetValue<string>();
    }

    /// <summary>
    /// A new browser context holding what signing in leaves in a browser: the session's token, and the app's settings, which
    /// every page of the app keeps, the sign-in page included. Its HTTP cache is empty.
    /// </summary>
    private static async Task<IPage> SignedInPageAsync(IBrowser browser, string baseUrl, string token)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl });
        var settings = await (await context.APIRequest.GetAsync("/config.json")).TextAsync();
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        await context.AddInitScriptAsync(
            $"localStorage.setItem('certifications.dev-session', JSON.stringify({{ token: '{token}', expiresAt: {expires} }}));"
            + $"localStorage.setItem('certifications.config', {System.Text.Json.JsonSerializer.Serialize(settings)});");
        return await context.NewPageAsync();
    }

    private static async Task<(List<string> Calls, List<string> Scripts)> CountAsync(
        IBrowser browser, string baseUrl, string token, string path, string ready)
    {
        var page = await SignedInPageAsync(browser, baseUrl, token);
        var calls = new List<string>();
        var scripts = new List<string>();
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                calls.Add(url.AbsolutePath[4..]);
            }
            else if (url.AbsolutePath.EndsWith(".js", StringComparison.Ordinal) || url.AbsolutePath.EndsWith(".mjs", StringComparison.Ordinal))
            {
                scripts.Add(Path.GetFileName(url.AbsolutePath));
            }
        };
        await page.GotoAsync(path);
        await page.Locator(ready).First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Context.CloseAsync();
        return (calls, scripts);
    }

    /// <summary>
    /// Milliseconds from the navigation's start to the first element matching <paramref name="ready"/>, read in the page
    /// (performance.now() in a mutation observer), so Playwright's own scripts do not run in the page while it loads.
    /// </summary>
    private static async Task<double> TimeAsync(
        IBrowser browser, string baseUrl, string token, string path, string ready, bool timeline, bool returning)
    {
        var page = await SignedInPageAsync(browser, baseUrl, token);
        await page.Context.AddInitScriptAsync($$"""
            new MutationObserver((_, observer) => {
              if (document.querySelector("{{ready}}")) { observer.disconnect(); console.log('shown ' + performance.now()); }
            }).observe(document, { childList: true, subtree: true });
            """);

        // Twice, as Chromium keeps a script's compiled code once it has run it more than once.
        for (var visit = 0; returning && visit < 2; visit++)
        {
            await page.GotoAsync(path);
            await page.Locator(ready).First.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // A browser someone opens a link in is not busy starting itself: the new context's processes, and the last visit's
        // scripts, finish before the timed load rather than inside it.
        await Task.Delay(Settle);
        var shown = page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.StartsWith("shown ", StringComparison.Ordinal) });
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        var elapsed = double.Parse((await shown).Text["shown ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        if (timeline)
        {
            Console.WriteLine(await page.EvaluateAsync<string>(
                "() => [performance.getEntriesByType('navigation')[0]].concat(performance.getEntriesByType('resource'))"
                + ".map(e => e.name.split('/').pop() + ' ' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd)"
                + " + (e.domContentLoadedEventEnd ? ' dcl ' + Math.round(e.domContentLoadedEventEnd) : '')).join('\\n')"
                + " + '\\nnow ' + Math.round(performance.now())"));
        }

        await page.Context.CloseAsync();
        return elapsed;
    }
}
