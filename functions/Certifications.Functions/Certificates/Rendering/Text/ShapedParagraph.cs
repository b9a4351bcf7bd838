using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using Icu;
using HbBuffer = HarfBuzzSharp.Buffer;

namespace Certifications.Functions.Certificates.Rendering.Text;

/// <summary>One glyph as HarfBuzz placed it, in ems (multiply by the size for points); its cluster is a UTF-16 index into the paragraph.</summary>
public readonly record struct ShapedGlyph(ushort Id, int Cluster, float Advance, float OffsetX, float OffsetY);

/// <summary>Consecutive characters of one face and one embedding level, shaped together; glyphs in visual order.</summary>
public sealed record ShapedRun(int Start, int Length, FontFace Face, byte Level, ShapedGlyph[] Glyphs)
{
    public bool RightToLeft => Level % 2 == 1;

    public int End => Start + Length;
}

/// <summary>
/// A paragraph resolved for direction (<see cref="BidiText"/>), cut into runs by face and level, and shaped once with
/// HarfBuzz at one em: lines are cut from it and any size is a multiplication, so fitting text to a box never shapes twice.
/// </summary>
public sealed class ShapedParagraph
{
    private readonly float[] advances;

    private ShapedParagraph(string text, string language, TextStyle style, IReadOnlyList<ShapedRun> runs, float[] advances, int[] breaks)
    {
        Text = text;
        Language = language;
        Style = style;
        Runs = runs;
        this.advances = advances;
        Breaks = breaks;
    }

    public string Text { get; }

    public string Language { get; }

    public TextStyle Style { get; }

    /// <summary>In logical order.</summary>
    public IReadOnlyList<ShapedRun> Runs { get; }

    /// <summary>Where a line may end (UTF-16 indices, ascending, the last one the paragraph's end), by the language's line-breaking rules.</summary>
    public IReadOnlyList<int> Breaks { get; }

    /// <summary>
    /// Shapes one paragraph (it holds no line feed), embedding and override controls left out; a heading is set in
    /// <paramref name="headingFont"/> (the organization's own) wherever that font has the character.
    /// </summary>
    public static ShapedParagraph Shape(string text, TextStyle style, TextDirection direction, string language, FontFace? headingFont = null)
    {
        var brand = style == TextStyle.Heading ? headingFont : null;
        text = BidiText.WithoutEmbeddingControls(text);
        var levels = BidiText.Levels(text, direction, out _);
        var runs = new List<ShapedRun>();
        var advances = new float[text.Length];
        using var buffer = new HbBuffer();
        var hbLanguage = new HarfBuzzSharp.Language(language);
        FontFace? face = null;
        var start = 0;
        for (var i = 0; i < text.Length;)
        {
            var rune = Rune.GetRuneAt(text, i);
            var next = face is { } current && TextScripts.Follows(rune) && current.Has(rune.Value) ? current
                : brand is not null && brand.Has(rune.Value) ? brand
                : CertificateFonts.For(rune, style);
            if (face is { } open && (next != open || levels[i] != levels[start]))
            {
                runs.Add(ShapeRun(buffer, hbLanguage, text, start, i - start, open, levels[start], advances));
                start = i;
            }

            face = next;
            i += rune.Utf16SequenceLength;
        }

        if (face is { } last)
        {
            runs.Add(ShapeRun(buffer, hbLanguage, text, start, text.Length - start, last, levels[start], advances));
        }

        return new ShapedParagraph(text, language, style, runs, advances, LineBreaks(text, language));
    }

    /// <summary>The width in ems of the characters from <paramref name="start"/> to <paramref name="end"/>, spaces at its end left out.</summary>
    public double Width(int start, int end)
    {
        end = TrimEnd(start, end);
        var width = 0.0;
        for (var i = start; i < end; i++)
        {
            width += advances[i];
        }

        return width;
    }

    /// <summary>Where a line that starts at <paramref name="start"/> and ends at <paramref name="end"/> really ends: without its trailing spaces.</summary>
    public int TrimEnd(int start, int end)
    {
        while (end > start && char.IsWhiteSpace(Text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>Where a grapheme (a letter with its marks, a conjunct's parts) may be cut, for a word too long for any line.</summary>
    public IEnumerable<int> GraphemeBreaks(int start, int end)
    {
        var index = StringInfo.ParseCombiningCharacters(Text[start..end]);
        return index.Skip(1).Select(i => start + i).Append(end);
    }

    private static ShapedRun ShapeRun(
        HbBuffer buffer, HarfBuzzSharp.Language language, string text, int start, int length, FontFace face, byte level, float[] advances)
    {
        buffer.ClearContents();
        buffer.AddUtf16(text, start, length);
        buffer.GuessSegmentProperties();
        buffer.Direction = level % 2 == 1 ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.Language = language;
        face.Shaper.Shape(buffer);
        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var em = 1f / face.UnitsPerEm;
        var glyphs = new ShapedGlyph[infos.Length];
        for (var g = 0; g < infos.Length; g++)
        {
            var cluster = (int)infos[g].Cluster;
            glyphs[g] = new ShapedGlyph((ushort)infos[g].Codepoint, cluster, positions[g].XAdvance * em, positions[g].XOffset * em, positions[g].YOffset * em);
            advances[cluster] += glyphs[g].Advance;
        }

        return new ShapedRun(start, length, face, level, glyphs);
    }

    private static int[] LineBreaks(string text, string language)
    {
        if (text.Length == 0)
        {
            return [0];
        }

        return [.. BreakIterator.GetBoundaries(BreakIterator.UBreakIteratorType.LINE, new Locale(language), text).Select(b => b.End)];
    }
}
