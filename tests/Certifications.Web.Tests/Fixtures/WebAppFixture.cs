using Certifications.DevHost;
using Certifications.DevHost.Demo;
using Certifications.DevHost.Identity;
using Certifications.DevHost.Storage;
using Certifications.DevHost.Web;
using Certifications.Domain.People;
using Certifications.Functions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Certifications.Web.Tests.Fixtures;

/// <summary>
/// The README's run command in miniature: Azurite, a dev host with the demo organizations serving the built web app,
/// and Debian's Chromium driven by Playwright (installed with apt-get when missing; never a downloaded browser).
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private Azurite? azurite;
    private IPlaywright? playwright;

    public DevHostApp Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IReadOnlyList<User> DemoUsers { get; private set; } = [];

    public string Outbox { get; } = Path.Combine(Path.GetTempPath(), "certifications-web-tests-outbox-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where each page's screenshot goes, to be looked at (TestResults/screenshots).</summary>
    public string Screenshots { get; } = Directory.CreateDirectory(
        Path.Combine(RepositoryRoot.Find(), "tests", "Certifications.Web.Tests", "TestResults", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var chromium = await DebianPackages.EnsureAsync("chromium", "chromium");
        azurite = await Azurite.StartAsync(RepositoryRoot.Find(), dataFolder: null);

        // A port known before start, so the links printed on certificates and in QR codes lead back to this host.
        var port = FreePort();
        Host = await DevHostApp.StartAsync([], new DevHostSettings
        {
            Port = port,
            Settings = new Dictionary<string, string?>
            {
                ["PublicBaseUrl"] = $"http://localhost:{port}",
                ["DevHost:TaskHub"] = "w" + Guid.NewGuid().ToString("N")[..16],
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Auth:DevelopmentSigningKey"] = DevTokens.NewKey(),
                ["Smtp:OutboxFolder"] = Outbox,
                ["Secrets:LocalKeyFile"] = Outbox + "-secrets-key",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Certifications"] = "Warning",
            },
        });
        DemoUsers = await Host.Services.GetRequiredService<DemoOrganizations>().SeedAsync();
        await Host.Services.GetRequiredService<DevSignIn>().OfferAsync(DemoUsers);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A fresh browser context (its own session storage) at a phone's or a desk's width, in a browser set to a language: British
    /// English by default, so pages read in English with dates in a form other than the American one; and to a time zone.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, string locale = "en-GB", string timezone = "Europe/Berlin")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = locale,
            TimezoneId = timezone,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        await context.AddInitScriptAsync(PageChecks.RecordPolicyViolations);
        return await context.NewPageAsync();
    }

    /// <summary>The API as a demo user, for what a journey takes as given (a calendar already booked, an add-on switched off).</summary>
    public HttpClient ApiAs(string displayName)
    {
        var user = DemoUsers.Single(u => u.DisplayName == displayName);
        var client = new HttpClient { BaseAddress = new Uri(Host.BaseUrl + "/api/") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Host.Services.GetRequiredService<DevAccounts>().TokenFor(user));
        return client;
    }

    /// <summary>Gives a Northwind certification a logo that is no image, as a design saved before logos were checked could have.</summary>
    public async Task BreakDesignAsync(string certificationId)
    {
        var organizationId = DemoUsers.First(u => u.DisplayName == "Ada Admin").OrganizationId;
        var name = $"{organizationId}/{certificationId}/logo-broken.png";
        await Host.Services.GetRequiredService<Storage.Common.StorageAccount>().Container(Storage.Common.ContainerNames.Branding).GetBlobClient(name)
            .UploadAsync(BinaryData.FromBytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]), overwrite: true);
        var repository = Host.Services.GetRequiredService<Storage.Catalog.CertificationRepository>();
        var current = (await repository.GetAsync(organizationId, certificationId))!;
        _ = (await repository.UpdateAsync(current.Value with { Design = current.Value.Design with { LogoBlob = name } }, current.ETag)).Value;
    }

    /// <summary>Runs a journey; when it fails, every open page is saved as failure-N.png first, to see what the person saw.</summary>
    public async Task JourneyAsync(Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch
        {
            var pages = Browser.Contexts.SelectMany(c => c.Pages).ToList();
            for (var i = 0; i < pages.Count; i++)
            {
                await pages[i].ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"failure-{i}.png"), FullPage = true });
            }

            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Host.DisposeAsync();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}

/// <summary>The browser tests, which share one dev host and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app";
}
