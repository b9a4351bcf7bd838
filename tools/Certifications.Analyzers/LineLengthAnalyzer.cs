using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Certifications.Analyzers;

/// <summary>Reports lines longer than the file's <c>max_line_length</c> (.editorconfig), 160 when unset.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LineLengthAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "CERT0001";
    private const int DefaultLimit = 160;

    private static readonly DiagnosticDescriptor Rule = new(
        Id,
        "Line too long",
        "This line is {0} characters long; the limit is {1}",
        "Style",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A reader sees each line whole.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(Analyze);
    }

    private static void Analyze(SyntaxTreeAnalysisContext context)
    {
        var limit = Limit(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Tree));
        foreach (var line in context.Tree.GetText(context.CancellationToken).Lines)
        {
            if (line.Span.Length > limit)
            {
                var location = Location.Create(context.Tree, line.Span);
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, line.Span.Length, limit));
            }
        }
    }

    private static int Limit(AnalyzerConfigOptions options) =>
        options.TryGetValue("max_line_length", out var value) && int.TryParse(value, out var limit) && limit > 0
            ? limit
            : DefaultLimit;
}
