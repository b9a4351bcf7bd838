using System.Text.Json;
using System.Text.RegularExpressions;

namespace Certifications.DevHost.Web;

/// <summary>
/// The web app's Content-Security-Policy: its own files and API, and of inline code only the scripts and the stylesheet
/// the build put in index.html, by the hashes it wrote beside them (web/build/inlineStart.ts).
/// </summary>
public static partial class WebAppPolicy
{
    /// <summary>The file the web app's build writes into dist/ with the hashes of index.html's inline scripts and style.</summary>
    public const string HashesFile = "csp-hashes.json";

    /// <summary>The policy for the app built in <paramref name="distFolder"/>; read once, when the host starts.</summary>
    public static string For(string distFolder)
    {
        var path = Path.Combine(distFolder, HashesFile);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: the web app was built by an older build. Run `npm run build` in web/.");
        }

        var hashes = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(path)) ?? [];
        return "default-src 'self'; "
            + $"script-src {Sources(hashes, "script-src")}; style-src {Sources(hashes, "style-src")}; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static string Sources(Dictionary<string, string[]> hashes, string directive)
    {
        var listed = hashes.GetValueOrDefault(directive) ?? [];
        // Anything but a hash would widen the policy, or break the header.
        var bad = listed.FirstOrDefault(h => !Hash().IsMatch(h));
        if (bad is not null)
        {
            throw new InvalidOperationException($"{HashesFile} lists {bad} for {directive}, which is not a sha256 hash source.");
        }

        return string.Join(' ', ["'self'", .. listed]);
    }

    [GeneratedRegex("^'sha256-[A-Za-z0-9+/]{43}='$")]
    private static partial Regex Hash();
}
