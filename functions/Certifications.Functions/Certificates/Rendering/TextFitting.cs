using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>Lines of text set in one font, centred in their box.</summary>
public sealed record TextBlock(IReadOnlyList<string> Lines, XFont Font)
{
    public double LineHeight => Font.Size * 1.25;

    public double Height => Lines.Count * LineHeight;

    public static TextBlock Empty(XFont font) => new([], font);
}

/// <summary>Shrinks and wraps text until it fits a width: long names and titles get smaller, never spill over.</summary>
public static class TextFitting
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public static XFont Font(string family, double size, bool bold = false) =>
        new(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    /// <summary>
    /// The largest size from <paramref name="largest"/> down to <paramref name="smallest"/> at which the text needs at
    /// most <paramref name="maxLines"/> lines; at the smallest size it wraps onto as many lines as it needs.
    /// </summary>
    public static TextBlock Fit(XGraphics measure, string text, string family, bool bold, double largest, double smallest, double width, int maxLines)
    {
        for (var size = largest; size > smallest; size -= 1)
        {
            var font = Font(family, size, bold);
            var lines = Wrap(measure, text, font, width);
            if (lines.Count <= maxLines)
            {
                return new TextBlock(lines, font);
            }
        }

        var smallestFont = Font(family, smallest, bold);
        return new TextBlock(Wrap(measure, text, smallestFont, width), smallestFont);
    }

    /// <summary>Greedy word wrap; a word wider than the line is broken between characters.</summary>
    public static IReadOnlyList<string> Wrap(XGraphics measure, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = BreakLongWord(measure, word, font, width, lines);
            }

            if (line.Length > 0 || paragraph.Length == 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static string BreakLongWord(XGraphics measure, string word, XFont font, double width, List<string> lines)
    {
        var rest = word;
        while (measure.MeasureString(rest, font).Width > width && rest.Length > 1)
        {
            var take = rest.Length - 1;
            while (take > 1 && measure.MeasureString(rest[..take], font).Width > width)
            {
                take--;
            }

            lines.Add(rest[..take]);
            rest = rest[take..];
        }

        return rest;
    }
}
