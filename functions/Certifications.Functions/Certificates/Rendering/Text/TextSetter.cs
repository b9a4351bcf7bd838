namespace Certifications.Functions.Certificates.Rendering.Text;

/// <summary>
/// Sets text into a width: shrinks long names and titles, never spills over. Text is shaped once per paragraph at one em, so
/// trying a size is arithmetic; lines break where the language allows (between words, between Thai words by dictionary, between
/// most CJK characters), and a word wider than the line is cut between graphemes.
/// </summary>
public sealed class TextSetter(TextDirection direction, string language, FontFace? headingFont = null)
{
    public TextDirection Direction { get; } = direction;

    public string Language { get; } = language;

    /// <summary>
    /// The largest size from <paramref name="largest"/> down to <paramref name="smallest"/> (half a point at a time) at which the text
    /// needs at most <paramref name="maxLines"/> lines; at the smallest size it wraps onto as many lines as it needs.
    /// </summary>
    public TextBlock Fit(string text, TextStyle style, double largest, double smallest, double width, int maxLines)
    {
        var paragraphs = Shape(text, style);
        var full = paragraphs.Max(p => p.Width(0, p.Text.Length));
        var start = paragraphs.Count == 1 && full * largest <= width
            ? largest
            : Math.Min(largest, Math.Floor(largest * width * maxLines / Math.Max(full * largest, 1) * 2) / 2);
        for (var size = start; size >= smallest; size -= 0.5)
        {
            var lines = Wrap(paragraphs, width / size);
            if (lines.Count <= maxLines)
            {
                return new TextBlock(lines, size);
            }
        }

        return new TextBlock(Wrap(paragraphs, width / smallest), smallest);
    }

    /// <summary>The text at one size, wrapped to the width.</summary>
    public TextBlock Set(string text, TextStyle style, double size, double width) => new(Wrap(Shape(text, style), width / size), size);

    private List<ShapedParagraph> Shape(string text, TextStyle style) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(p => ShapedParagraph.Shape(p, style, Direction, Language, headingFont))];

    /// <summary>Greedy: each line takes as many break-to-break segments as fit (width in ems).</summary>
    private static List<TextLine> Wrap(IEnumerable<ShapedParagraph> paragraphs, double width)
    {
        var lines = new List<TextLine>();
        foreach (var paragraph in paragraphs)
        {
            var start = 0;
            var end = 0;
            foreach (var opportunity in paragraph.Breaks)
            {
                if (paragraph.Width(start, opportunity) <= width)
                {
                    end = opportunity;
                    continue;
                }

                if (end > start)
                {
                    lines.Add(TextLine.Of(paragraph, start, end));
                    start = end;
                }

                if (paragraph.Width(start, opportunity) <= width)
                {
                    end = opportunity;
                    continue;
                }

                start = CutLongWord(paragraph, start, opportunity, width, lines);
                end = opportunity;
            }

            lines.Add(TextLine.Of(paragraph, start, Math.Max(start, end == start ? paragraph.Text.Length : end)));
        }

        return lines;
    }

    /// <summary>Cuts a segment too wide for a line between graphemes; returns where its last, fitting, piece starts.</summary>
    private static int CutLongWord(ShapedParagraph paragraph, int start, int end, double width, List<TextLine> lines)
    {
        var pieceEnd = start;
        foreach (var cut in paragraph.GraphemeBreaks(start, end))
        {
            if (paragraph.Width(start, cut) > width && pieceEnd > start)
            {
                lines.Add(TextLine.Of(paragraph, start, pieceEnd));
                start = pieceEnd;
            }

            pieceEnd = cut;
        }

        return start;
    }
}
