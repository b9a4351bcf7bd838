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
    /// most <paramref name="maxLines"/> lines; at the smallest size it wraps onto as many lines as it needs. Text width
    /// grows in proportion to the size (PDFsharp does not kern), so one measurement gives the size to start from.
    /// </summary>
    public static TextBlock Fit(XGraphics measure, string text, string family, bool bold, double largest, double smallest, double width, int maxLines)
    {
        var reference = Font(family, largest, bold);
        var full = MixedText.Width(measure, text, reference);
        if (full <= width && !text.Contains('\n', StringComparison.Ordinal))
        {
            return new TextBlock([text], reference);
        }

        var start = Math.Min(largest, Math.Floor(largest * width * maxLines / Math.Max(full, 1) * 2) / 2);
        for (var size = start; size >= smallest; size -= 0.5)
        {
            var font = size == largest ? reference : Font(family, size, bold);
            var lines = Wrap(measure, text, font, width);
            if (lines.Count <= maxLines)
            {
                return new TextBlock(lines, font);
            }
        }

        var smallestFont = Font(family, smallest, bold);
        return new TextBlock(Wrap(measure, text, smallestFont, width), smallestFont);
    }

    /// <summary>Greedy word wrap, each word measured once; a word wider than the line is broken between characters.</summary>
    public static IReadOnlyList<string> Wrap(XGraphics measure, string text, XFont font, double width)
    {
        var space = MixedText.Width(measure, " ", font);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new List<string>();
            var used = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = MixedText.Width(measure, word, font);
                var needed = line.Count == 0 ? wordWidth : used + space + wordWidth;
                if (needed <= width)
                {
                    line.Add(word);
                    used = needed;
                    continue;
                }

                if (line.Count > 0)
                {
                    lines.Add(string.Join(' ', line));
                    line.Clear();
                }

                var rest = wordWidth > width ? BreakLongWord(measure, word, font, width, lines) : word;
                line.Add(rest);
                used = rest == word ? wordWidth : MixedText.Width(measure, rest, font);
            }

            if (line.Count > 0 || paragraph.Length == 0)
            {
                lines.Add(string.Join(' ', line));
            }
        }

        return lines;
    }

    private static string BreakLongWord(XGraphics measure, string word, XFont font, double width, List<string> lines)
    {
        var rest = word;
        while (MixedText.Width(measure, rest, font) > width && rest.Length > 1)
        {
            var take = rest.Length - 1;
            while (take > 1 && MixedText.Width(measure, rest[..take], font) > width)
            {
                take--;
            }

            // A character outside the BMP is two chars; it is never cut in half.
            if (take > 1 && char.IsHighSurrogate(rest[take - 1]))
            {
                take--;
            }

            lines.Add(rest[..take]);
            rest = rest[take..];
        }

        return rest;
    }
}
