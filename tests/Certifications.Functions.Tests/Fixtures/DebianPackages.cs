using System.Diagnostics;

namespace Certifications.Functions.Tests.Fixtures;

/// <summary>
/// The outside tools the tests use as a person would (qpdf), installed with apt-get on first use when missing, so
/// the README's test command works on a machine that has only the .NET SDK, Node and npm.
/// </summary>
public static class DebianPackages
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>The path of <paramref name="command"/>, installing <paramref name="package"/> first if it is not there.</summary>
    public static async Task<string> EnsureAsync(string command, string package)
    {
        var path = $"/usr/bin/{command}";
        if (File.Exists(path))
        {
            return path;
        }

        await Installing.WaitAsync();
        try
        {
            if (!File.Exists(path))
            {
                await RunAsync("apt-get", "update", "-qq");
                await RunAsync("apt-get", "install", "-y", "-qq", package);
            }
        }
        finally
        {
            Installing.Release();
        }

        return File.Exists(path) ? path : throw new InvalidOperationException($"{command} is missing and apt-get could not install {package}.");
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {await output}{await errors}");
        }
    }
}
