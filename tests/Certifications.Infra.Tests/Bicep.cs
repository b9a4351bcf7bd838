using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Certifications.Infra.Tests;

/// <summary>The Bicep CLI from its NuGet package, run on the repository's infra folder.</summary>
internal static class Bicep
{
    public static string InfraFolder { get; } = FindInfra();

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!
            .Replace('\\', Path.DirectorySeparatorChar);
        if (!OperatingSystem.IsWindows())
        {
            // Package extraction does not always keep the executable bit.
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = InfraFolder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    private static readonly Lazy<Task<string>> CompiledMain = new(async () =>
    {
        var (exit, output, errors) = await RunAsync("build", "main.bicep", "--stdout");
        Assert.True(exit == 0, errors);
        return output;
    });

    /// <summary>Another Bicep file of infra/ compiled to an ARM template.</summary>
    public static async Task<JsonNode> CompiledAsync(string file)
    {
        var (exit, output, errors) = await RunAsync("build", file, "--stdout");
        Assert.True(exit == 0, errors);
        return JsonNode.Parse(output)!;
    }

    /// <summary>main.bicep compiled to an ARM template (compiled once per run; each caller gets its own copy).</summary>
    public static async Task<JsonNode> CompiledMainAsync() => JsonNode.Parse(await CompiledMain.Value)!;

    /// <summary>Every resource of the template and its nested module templates.</summary>
    public static IEnumerable<JsonObject> Resources(JsonNode template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is { } nested)
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string FindInfra()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "infra", "main.bicep")))
            {
                return Path.Combine(dir.FullName, "infra");
            }
        }

        throw new DirectoryNotFoundException("No infra/main.bicep above the test's folder.");
    }
}
