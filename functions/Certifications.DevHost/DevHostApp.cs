using Certifications.DevHost.Durable;
using Certifications.DevHost.Functions;
using Certifications.DevHost.Identity;
using Certifications.DevHost.Storage;
using Certifications.DevHost.Triggers;
using Certifications.Functions;
using Certifications.Functions.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.Memory;

namespace Certifications.DevHost;

/// <summary>What a dev host is started with; settings win over configuration from the environment and command line.</summary>
public sealed record DevHostSettings
{
    /// <summary>7071 like `func start`; 0 picks a free port (tests).</summary>
    public int Port { get; init; } = 7071;

    /// <summary>Where a started Azurite keeps its data (the task hub's, in the folder of that name plus "-taskhub"); null gives throwaway folders.</summary>
    public string? AzuriteDataFolder { get; init; }

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Runs after the app's registrations, so a test can put a service of its own in place (e.g. an identity provider's keys).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>The built web app to serve at /; null means the repository's web/dist.</summary>
    public string? WebFolder { get; init; }

    /// <summary>The dev host is Development unless told otherwise (a test of the start-up checks).</summary>
    public string Environment { get; init; } = Environments.Development;
}

/// <summary>
/// Runs the function app's classes in-process without Core Tools: its services (<see cref="AppServices"/>), its HTTP
/// triggers on Kestrel, and real storage — a configured account, or an Azurite it starts itself.
/// </summary>
public sealed class DevHostApp : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly IReadOnlyList<Azurite> azurites;

    private DevHostApp(WebApplication app, IReadOnlyList<Azurite> azurites, string baseUrl, IReadOnlyList<string> routes)
    {
        this.app = app;
        this.azurites = azurites;
        BaseUrl = baseUrl;
        Routes = routes;
    }

    public string BaseUrl { get; }

    public IReadOnlyList<string> Routes { get; }

    public IServiceProvider Services => app.Services;

    public IConfiguration Configuration => app.Configuration;

    public static async Task<DevHostApp> StartAsync(string[] args, DevHostSettings settings, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = settings.Environment,
        });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults() });
        builder.Configuration.AddInMemoryCollection(settings.Settings);

        var azurites = new List<Azurite>();
        if (string.IsNullOrWhiteSpace(builder.Configuration["Storage:ConnectionString"])
            && string.IsNullOrWhiteSpace(builder.Configuration["Storage:AccountName"]))
        {
            // Two Azurites: the app's data, and the workflow engine's task hub. One Azurite answers on one Node thread, and
            // under load the engine's queue and history requests waited behind the API's own, adding about a second to
            // every award (docs/performance.md, issue #26); Azure Storage does not serialize an account's requests.
            var root = RepositoryRoot.Find();
            var started = await Task.WhenAll(
                Azurite.StartAsync(root, settings.AzuriteDataFolder, cancellationToken),
                Azurite.StartAsync(root, settings.AzuriteDataFolder is { } data ? data + "-taskhub" : null, cancellationToken)).ConfigureAwait(false);
            azurites.AddRange(started);
            builder.Configuration.AddInMemoryCollection([
                new("Storage:ConnectionString", started[0].ConnectionString),
                new(DurableEngine.ConnectionSetting, started[1].ConnectionString)]);
        }

        // Port 0 (tests) is resolved here, not by the server, so the links the host writes can name the port it serves on.
        var port = builder.Configuration.GetValue("DevHost:Port", settings.Port) is var asked and not 0 ? asked : FreePort();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        if (string.IsNullOrWhiteSpace(builder.Configuration["PublicBaseUrl"]))
        {
            // Links in e-mails and on certificates lead back to this host, whichever port it was given.
            builder.Configuration.AddInMemoryCollection([new("PublicBaseUrl", $"http://localhost:{port}")]);
        }

        // A page on any other name that resolves to 127.0.0.1 (DNS rebinding) could read /dev/sign-in's tokens; only the
        // loopback names are answered.
        builder.Services.AddHostFiltering(options => options.AllowedHosts = ["localhost", "127.0.0.1"]);
        builder.Services.AddCertificationsApp(builder.Configuration);
        builder.Services.AddSingleton<FunctionActivator>();
        builder.Services.AddSingleton<DevTokens>();
        builder.Services.AddSingleton<DevAccounts>();
        builder.Services.AddSingleton<Web.DevSignIn>();
        builder.Services.AddSingleton<Demo.DemoOrganizations>();
        builder.Services.AddSingleton(sp => new DurableEngine(
            new DurableEngineOptions(
                builder.Configuration[DurableEngine.ConnectionSetting]
                    ?? builder.Configuration["Storage:ConnectionString"]
                    ?? throw new InvalidOperationException("The dev host runs the durable engine on a storage connection string (Storage:ConnectionString)."),
                builder.Configuration["DevHost:TaskHub"] ?? "Certifications"),
            sp.GetRequiredService<FunctionCatalog>(), sp.GetRequiredService<FunctionActivator>(), sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DurableEngine>());
        builder.Services.AddSingleton(sp => sp.GetRequiredService<DurableEngine>().Client);
        builder.Services.AddHostedService<BlobTriggers>();
        builder.Services.AddSingleton<TimerTriggers>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerTriggers>());
        settings.Services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseHostFiltering();
        app.UseMiddleware<UnhandledErrors>();
        var routes = HttpTriggers.Map(app);
        Web.WebAppEndpoints.Map(app, settings.WebFolder ?? Path.Combine(RepositoryRoot.Find(), "web", "dist"));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            foreach (var azurite in azurites)
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DevHostApp(app, azurites, address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal), routes);
    }

    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        foreach (var azurite in azurites)
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Dictionary<string, string?> Defaults() => new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Certifications"] = "Information",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
    };
}
