using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Certifications.Infra.Tests;

/// <summary>The web app's deployment: an azd service on Static Web Apps, its config.json and headers written from the environment.</summary>
public sealed class WebDeploymentTests
{
    private static readonly string Web = Path.GetFullPath(Path.Combine(Bicep.InfraFolder, "..", "web"));

    [Fact]
    public async Task Azd_deploys_the_web_app_to_static_web_apps_and_writes_its_settings_after_the_build()
    {
        var azd = await File.ReadAllTextAsync(Path.Combine(Bicep.InfraFolder, "..", "azure.yaml"));

        Assert.Contains("host: staticwebapp", azd, StringComparison.Ordinal);
        Assert.Contains("project: ./web", azd, StringComparison.Ordinal);
        Assert.Contains("node deploy/write-deploy-config.mjs", azd, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_json_names_the_api_and_entra_and_the_headers_allow_only_the_app_its_api_and_sign_in()
    {
        var dist = BuiltDist();
        var (code, output) = await RunAsync(dist, new()
        {
            ["API_URL"] = "https://func-cert.azurewebsites.net/",
            ["WEB_CLIENT_ID"] = "11111111-2222-3333-4444-555555555555",
            ["API_SCOPE"] = "api://certifications/access_as_user",
        });
        Assert.True(code == 0, output);

        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dist, "config.json")))!;
        Assert.Equal("entra", config["signIn"]!.GetValue<string>());
        Assert.Equal("https://func-cert.azurewebsites.net/api", config["apiBaseUrl"]!.GetValue<string>());
        Assert.Equal("organizations", config["tenantId"]!.GetValue<string>());
        Assert.Equal("api://certifications/access_as_user", config["apiScope"]!.GetValue<string>());

        var swa = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dist, "staticwebapp.config.json")))!;
        Assert.Equal("/index.html", swa["navigationFallback"]!["rewrite"]!.GetValue<string>());
        var csp = swa["globalHeaders"]!["Content-Security-Policy"]!.GetValue<string>();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://func-cert.azurewebsites.net https://login.microsoftonline.com", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        // index.html is a static shell: nothing inline runs, scripts and styles come from the app's own files.
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", swa["globalHeaders"]!["X-Content-Type-Options"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_setting_stops_the_deploy_and_names_it()
    {
        var dist = BuiltDist();

        var (code, output) = await RunAsync(dist, new() { ["API_URL"] = "https://func-cert.azurewebsites.net" });

        Assert.NotEqual(0, code);
        Assert.Contains("WEB_CLIENT_ID", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dist, "config.json")));
    }

    [Fact]
    public async Task A_dist_that_was_not_built_stops_the_deploy_and_says_why()
    {
        var dist = Directory.CreateTempSubdirectory("web-dist-").FullName;

        var (code, output) = await RunAsync(dist, new()
        {
            ["API_URL"] = "https://func-cert.azurewebsites.net/",
            ["WEB_CLIENT_ID"] = "11111111-2222-3333-4444-555555555555",
            ["API_SCOPE"] = "api://certifications/access_as_user",
        });

        Assert.NotEqual(0, code);
        Assert.Contains("index.html is missing; run `npm run build` first", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dist, "staticwebapp.config.json")));
    }

    /// <summary>A dist folder as the web app's build leaves it for the deploy.</summary>
    private static string BuiltDist()
    {
        var dist = Directory.CreateTempSubdirectory("web-dist-").FullName;
        File.WriteAllText(Path.Combine(dist, "index.html"), "<!doctype html><title>Certifications</title>");
        return dist;
    }

    private static async Task<(int Code, string Output)> RunAsync(string dist, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node", Path.Combine(Web, "deploy", "write-deploy-config.mjs"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "API_URL", "WEB_CLIENT_ID", "API_SCOPE", "WEB_SIGN_IN_TENANT" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["WEB_DIST"] = dist;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + errors);
    }
}
