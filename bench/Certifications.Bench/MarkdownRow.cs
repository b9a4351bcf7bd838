namespace Certifications.Bench;

/// <summary>A row of a Markdown table, each cell formatted in the invariant culture (figures go straight into docs/performance.md).</summary>
public static class MarkdownRow
{
    public static string Of(params FormattableString[] cells) =>
        "| " + string.Join(" | ", cells.Select(FormattableString.Invariant)) + " |";
}
