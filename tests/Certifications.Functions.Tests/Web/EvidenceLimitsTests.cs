using System.Text.RegularExpressions;
using Certifications.Domain.Progress;
using Certifications.Functions.Progress;

namespace Certifications.Functions.Tests.Web;

/// <summary>The limits the web app tells a learner before an upload are the ones the API enforces.</summary>
public sealed partial class EvidenceLimitsTests
{
    private static readonly string Source = File.ReadAllText(
        Path.Combine(Certifications.DevHost.RepositoryRoot.Find(), "web", "src", "pages", "learner", "evidenceLimits.ts"));

    [Fact]
    public void The_page_tells_the_same_file_count_sizes_and_types_as_the_api_accepts()
    {
        Assert.Equal(EvidenceUpload.MaxFiles, Number("maxFiles"));
        Assert.Equal(EvidenceUpload.MaxFileBytes, Number("maxFileBytes"));
        Assert.Equal(LearnerSteps.MaxEvidenceText, Number("maxTextLength"));

        var start = Source.IndexOf("acceptedTypes", StringComparison.Ordinal);
        var list = Source[start..Source.IndexOf(']', start)];
        var types = Quoted().Matches(list).Select(m => m.Groups[1].Value);
        Assert.Equal(EvidenceUpload.AcceptedTypes.Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
    }

    /// <summary>A number written as a product of literals, e.g. 10 * 1024 * 1024.</summary>
    private static long Number(string name)
    {
        var expression = Regex.Match(Source, name + @":\s*([0-9 *]+),").Groups[1].Value;
        return expression.Split('*')
            .Aggregate(1L, (product, factor) => product * long.Parse(factor.Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
