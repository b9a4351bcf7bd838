using System.Collections.Immutable;
using Certifications.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Certifications.Infra.Tests;

/// <summary>The project's own style rules report what they are for, and nothing else.</summary>
public sealed class CodeStyleRulesTests
{
    [Fact]
    public async Task A_line_of_161_characters_is_reported_and_one_of_160_is_not()
    {
        var fits = "// " + new string('é', 157);
        var tooLong = "// " + new string('安', 158);

        var diagnostics = await AnalyzeAsync($"{fits}\n{tooLong}\nnamespace N;\n");

        var reported = Assert.Single(diagnostics);
        Assert.Equal(LineLengthAnalyzer.Id, reported.Id);
        Assert.Equal(1, reported.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task Usings_out_of_order_are_reported_at_the_first_misplaced_one()
    {
        var diagnostics = await AnalyzeAsync("using System.Text;\nusing Microsoft.Extensions;\nusing System.Linq;\nnamespace N;\n");

        var reported = Assert.Single(diagnostics);
        Assert.Equal(UsingOrderAnalyzer.Id, reported.Id);
        Assert.Contains("System.Linq", reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task System_first_then_alphabetical_then_statics_and_aliases_pass()
    {
        var diagnostics = await AnalyzeAsync(
            "using System;\nusing System.Linq;\nusing Azure;\nusing Microsoft.Extensions;\nusing static System.Math;\nusing M = System.Math;\nnamespace N;\n");

        Assert.Empty(diagnostics);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var compilation = CSharpCompilation.Create("Probe", [CSharpSyntaxTree.ParseText(source, path: "Probe.cs")]);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new LineLengthAnalyzer(), new UsingOrderAnalyzer());
        return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
    }
}
