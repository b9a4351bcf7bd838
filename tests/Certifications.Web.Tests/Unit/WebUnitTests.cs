using System.Diagnostics;
using Certifications.DevHost;

namespace Certifications.Web.Tests.Unit;

/// <summary>The web app's own unit tests (vitest: query factories, dates and languages), run as part of the README's test command.</summary>
public sealed class WebUnitTests
{
    [Fact]
    public async Task The_web_apps_unit_tests_pass()
    {
        var web = Path.Combine(RepositoryRoot.Find(), "web");
        var start = new ProcessStartInfo("npm", "test --silent")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CI"] = "1";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await output + await errors);
        Assert.Contains("passed", await output, StringComparison.Ordinal);
    }
}
