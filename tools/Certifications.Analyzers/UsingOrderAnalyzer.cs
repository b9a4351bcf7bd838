using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Certifications.Analyzers;

/// <summary>Reports a using directive out of order: System namespaces first, then ordinal order, aliases and statics last.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UsingOrderAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "CERT0002";

    private static readonly DiagnosticDescriptor Rule = new(
        Id,
        "Using directives out of order",
        "'using {0}' belongs before 'using {1}' (System first, then alphabetical)",
        "Style",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The order 'dotnet format' writes with dotnet_sort_system_directives_first.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.CompilationUnit);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var usings = ((CompilationUnitSyntax)context.Node).Usings.Where(u => u.GlobalKeyword == default).ToList();
        for (var i = 1; i < usings.Count; i++)
        {
            if (Compare(usings[i - 1], usings[i]) > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, usings[i].GetLocation(), Name(usings[i]), Name(usings[i - 1])));
                return;
            }
        }
    }

    /// <summary>Plain namespaces, then statics, then aliases; System.* first within each; then ordinal, ignoring case.</summary>
    internal static int Compare(UsingDirectiveSyntax a, UsingDirectiveSyntax b)
    {
        var byGroup = Group(a).CompareTo(Group(b));
        if (byGroup != 0)
        {
            return byGroup;
        }

        var bySystem = IsSystem(b).CompareTo(IsSystem(a));
        return bySystem != 0 ? bySystem : string.Compare(Name(a), Name(b), StringComparison.OrdinalIgnoreCase);
    }

    private static int Group(UsingDirectiveSyntax u) => u.Alias is not null ? 2 : u.StaticKeyword != default ? 1 : 0;

    private static bool IsSystem(UsingDirectiveSyntax u)
    {
        var name = Name(u);
        return name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
    }

    private static string Name(UsingDirectiveSyntax u) =>
        u.Alias is not null ? u.Alias.Name.Identifier.ValueText : u.NamespaceOrType.ToString();
}
