namespace Certifications.Domain.Reports;

/// <summary>Makes text safe to open in a spreadsheet.</summary>
public static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// A cell that a spreadsheet would read as a formula (a learner named "=HYPERLINK(...)") is prefixed with an
    /// apostrophe, so it shows as the text it is (OWASP's advice on CSV injection).
    /// </summary>
    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty
        : Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value
        : value;
}
