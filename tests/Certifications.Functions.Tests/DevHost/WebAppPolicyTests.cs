using Certifications.DevHost.Web;

namespace Certifications.Functions.Tests.DevHost;

/// <summary>The dev host's page policy allows the app's own files only: no inline script or style, no framing.</summary>
public sealed class WebAppPolicyTests
{
    [Fact]
    public void No_inline_code_runs_and_the_page_cannot_be_framed()
    {
        Assert.Contains("script-src 'self';", WebAppPolicy.Value, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", WebAppPolicy.Value, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", WebAppPolicy.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", WebAppPolicy.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("sha256-", WebAppPolicy.Value, StringComparison.Ordinal);
    }
}
