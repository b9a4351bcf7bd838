using Certifications.DevHost;
using Certifications.DevHost.Demo;
using Certifications.DevHost.Identity;
using Certifications.DevHost.Web;
using Certifications.Functions.Notifications;
using Microsoft.Extensions.Options;

// The dev host: the function app on this machine without Core Tools, on Azurite, with demo data and tokens.
if (args is ["--write-openapi", var documentPath])
{
    // The build's step that gives the web app its API types (see the project file).
    await File.WriteAllTextAsync(documentPath, Certifications.Functions.Http.OpenApi.OpenApiDocument.ToJson() + "\n");
    return;
}

var root = RepositoryRoot.Find();
var dev = RepositoryRoot.DevFolder(root);
var outbox = Path.Combine(dev, "outbox");

await using var host = await DevHostApp.StartAsync(args, new DevHostSettings
{
    AzuriteDataFolder = Path.Combine(dev, "azurite"),
    Settings = new Dictionary<string, string?>
    {
        ["Auth:DevelopmentSigningKey"] = Environment.GetEnvironmentVariable("Auth__DevelopmentSigningKey") ?? DevTokens.LoadOrCreateKey(dev),
        ["Smtp:OutboxFolder"] = Environment.GetEnvironmentVariable("Smtp__OutboxFolder") ?? outbox,
        ["Secrets:LocalKeyFile"] = Environment.GetEnvironmentVariable("Secrets__LocalKeyFile") ?? Path.Combine(dev, "secrets-key"),
    },
});

var seeded = await host.Services.GetRequiredService<DemoOrganizations>().SeedAsync();
var accounts = host.Services.GetRequiredService<DevAccounts>();
await host.Services.GetRequiredService<DevSignIn>().OfferAsync(seeded);
var mailTo = host.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
var session = new SessionFile(host.BaseUrl, mailTo.Host is { Length: > 0 } smtp ? $"smtp://{smtp}:{mailTo.Port}" : mailTo.OutboxFolder!,
    [.. seeded.Select(u => SessionFile.SessionUser.From(u, accounts.TokenFor(u)))]);
var sessionPath = Path.Combine(dev, "session.json");
await session.WriteAsync(sessionPath);

Console.WriteLine();
Console.WriteLine($"Certifications web app:  {host.BaseUrl}/   (sign in as any demo user)");
Console.WriteLine($"Certifications API:      {host.BaseUrl}/api   ({host.Routes.Count} HTTP functions)");
Console.WriteLine($"E-mail outbox:           {session.Outbox}");
Console.WriteLine($"Session file:            {sessionPath}");
Console.WriteLine();
Console.WriteLine("Demo users (tokens valid 12 hours; paste a line into your shell):");
foreach (var user in session.Users)
{
    var variable = "TOKEN_" + user.Email.Split('.', '@')[0].ToUpperInvariant();
    Console.WriteLine($"  # {user.DisplayName} <{user.Email}>  {string.Join('/', user.Roles)}  id {user.Id}  org {user.OrganizationId}");
    Console.WriteLine($"  export {variable}={user.Token}");
}

Console.WriteLine();
Console.WriteLine("Press Ctrl+C to stop.");
await host.WaitForShutdownAsync();
