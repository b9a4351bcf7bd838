using Certifications.DevHost.Web;

namespace Certifications.Functions.Tests.DevHost;

/// <summary>The dev host's page policy allows exactly the inline blocks the web app's build hashed, and refuses to guess.</summary>
public sealed class WebAppPolicyTests
{
    private const string Script = "'sha256-DgKAZGxG1rraAd8WfhES7hgyjPLWqeC32e9HK0ll7QE='";
    private const string Style = "'sha256-ZGoIjbTIP4XJ5S3n7tYG8MFAkDUzFwz/RaXSTVC6Lg4='";

    [Fact]
    public void The_built_apps_hashes_are_the_only_inline_code_allowed()
    {
        var dist = Dist($$"""{ "script-src": ["{{Script}}"], "style-src": ["{{Style}}"] }""");

        var policy = WebAppPolicy.For(dist);

        Assert.Contains($"script-src 'self' {Script};", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src 'self' {Style};", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_built_without_the_hashes_stops_the_host_and_says_how_to_build_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WebAppPolicy.For(Directory.CreateTempSubdirectory("web-dist-").FullName));

        Assert.Contains("npm run build", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'unsafe-inline'")]
    [InlineData("'sha256-DgKAZGxG1rraAd8WfhES7hgyjPLWqeC32e9HK0ll7QE='; script-src *")]
    public void Anything_but_a_hash_is_refused_rather_than_widening_the_policy(string source)
    {
        var dist = Dist($$"""{ "script-src": [{{System.Text.Json.JsonSerializer.Serialize(source)}}], "style-src": [] }""");

        var error = Assert.Throws<InvalidOperationException>(() => WebAppPolicy.For(dist));

        Assert.Contains("not a sha256 hash source", error.Message, StringComparison.Ordinal);
    }

    private static string Dist(string hashes)
    {
        var dist = Directory.CreateTempSubdirectory("web-dist-").FullName;
        File.WriteAllText(Path.Combine(dist, WebAppPolicy.HashesFile), hashes);
        return dist;
    }
}
