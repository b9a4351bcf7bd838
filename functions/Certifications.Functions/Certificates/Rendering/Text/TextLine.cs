using System.Text;
using SkiaSharp;

namespace Certifications.Functions.Certificates.Rendering.Text;

/// <summary>
/// One line cut from a shaped paragraph: the characters from <see cref="Start"/> to <see cref="End"/> (trailing spaces left
/// out), its runs put in visual order by rule L2, and its width in ems.
/// </summary>
public sealed class TextLine
{
    private TextLine(ShapedParagraph paragraph, int start, int end)
    {
        Paragraph = paragraph;
        Start = start;
        End = paragraph.TrimEnd(start, end);
        Width = paragraph.Width(start, End);
    }

    public ShapedParagraph Paragraph { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>In ems.</summary>
    public double Width { get; }

    /// <summary>The characters of the line, in logical order (what a PDF reader extracts).</summary>
    public string Text => Paragraph.Text[Start..End];

    public static TextLine Of(ShapedParagraph paragraph, int start, int end) => new(paragraph, start, end);

    /// <summary>
    /// Adds the line to a text blob, its left end at <paramref name="x"/> and its baseline at <paramref name="y"/>. Pieces are
    /// placed left to right in visual order, but written in logical order, each right-to-left piece's glyphs reversed: every
    /// glyph has its own position, so what is drawn is the same, and a PDF reader extracts the text in the order it is read.
    /// Each piece carries its text and, per glyph, the UTF-8 offset of the characters it draws, so a ligature or a conjunct
    /// extracts whole.
    /// </summary>
    public void AddTo(SKTextBlobBuilder builder, FontSubsets fonts, double size, double x, double y)
    {
        var pieces = Pieces();
        var starts = new double[pieces.Count];
        var pen = x;
        foreach (var index in BidiText.VisualOrder([.. pieces.Select(p => p.Run.Level)]))
        {
            starts[index] = pen;
            pen += pieces[index].Glyphs.Sum(g => g.Advance) * size;
        }

        for (var index = 0; index < pieces.Count; index++)
        {
            var (run, from, to, glyphs) = pieces[index];
            if (glyphs.Length == 0)
            {
                continue;
            }

            var positions = new SKPoint[glyphs.Length];
            var at = starts[index];
            for (var g = 0; g < glyphs.Length; g++)
            {
                positions[g] = new SKPoint((float)(at + (glyphs[g].OffsetX * size)), (float)(y - (glyphs[g].OffsetY * size)));
                at += glyphs[g].Advance * size;
            }

            var order = Enumerable.Range(0, glyphs.Length);
            if (run.RightToLeft)
            {
                order = order.Reverse();
            }

            var text = Paragraph.Text.AsSpan(from, to - from);
            var utf8 = new byte[Encoding.UTF8.GetByteCount(text)];
            Encoding.UTF8.GetBytes(text, utf8);
            using var font = FontFace.At(fonts[run.Face], size);
            var buffer = builder.AllocatePositionedTextRun(font, glyphs.Length, utf8.Length, null);
            var ids = buffer.Glyphs;
            var points = buffer.Positions;
            var clusters = buffer.Clusters;
            var slot = 0;
            foreach (var g in order)
            {
                ids[slot] = glyphs[g].Id;
                points[slot] = positions[g];
                clusters[slot] = (uint)Encoding.UTF8.GetByteCount(Paragraph.Text.AsSpan(from, glyphs[g].Cluster - from));
                slot++;
            }

            utf8.CopyTo(buffer.Text);
        }
    }

    /// <summary>The paragraph's runs clipped to this line, in logical order, with the glyphs of the clipped characters (visual order).</summary>
    internal List<(ShapedRun Run, int From, int To, ShapedGlyph[] Glyphs)> Pieces() =>
    [
        .. Paragraph.Runs
            .Where(r => r.Start < End && r.End > Start)
            .Select(r => (From: Math.Max(r.Start, Start), To: Math.Min(r.End, End), Run: r))
            .Select(p => (p.Run, p.From, p.To, p.Run.Glyphs.Where(g => g.Cluster >= p.From && g.Cluster < p.To).ToArray())),
    ];
}
