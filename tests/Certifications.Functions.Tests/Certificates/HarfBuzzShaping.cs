using System.Diagnostics;

namespace Certifications.Functions.Tests.Certificates;

/// <summary>HarfBuzz's own command-line shaper (hb-shape, Debian's libharfbuzz-bin): the reference the renderer's glyphs are checked against.</summary>
internal static class HarfBuzzShaping
{
    /// <summary>The glyph ids hb-shape gives for the text in the font, in its output order.</summary>
    public static async Task<int[]> GlyphIdsAsync(string fontPath, string text)
    {
        var command = await Fixtures.DebianPackages.EnsureAsync("hb-shape", "libharfbuzz-bin");
        using var process = Process.Start(new ProcessStartInfo(command, ["--no-glyph-names", "--no-positions", "--no-clusters", fontPath, text])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        return [.. (await output).Trim().Trim('[', ']').Split('|').Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture))];
    }
}
