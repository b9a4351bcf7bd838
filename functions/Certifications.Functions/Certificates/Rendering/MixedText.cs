using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>Which font a run of text is drawn in: the certificate's own, or one that has the script's glyphs.</summary>
public enum TextScript
{
    /// <summary>The certificate's DejaVu font: Latin, Greek, Cyrillic and the rest it covers.</summary>
    Default,

    /// <summary>Chinese and Japanese, in Droid Sans Fallback.</summary>
    Cjk,

    /// <summary>Korean, in Nanum Square.</summary>
    Hangul,
}

/// <summary>
/// Text in the certificate's fonts with Chinese, Japanese and Korean drawn in fonts that have them: DejaVu has no glyphs for
/// them and PDFsharp does not fall back by itself. A line is cut into runs by script, each measured and drawn in its own font.
/// </summary>
public static class MixedText
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly ConcurrentDictionary<(TextScript Script, double Size, bool Bold), XFont> Fallbacks = new();

    /// <summary>The script a character is drawn in.</summary>
    public static TextScript ScriptOf(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x11FF => TextScript.Hangul, // Hangul jamo
        >= 0x3130 and <= 0x318F => TextScript.Hangul, // Hangul compatibility jamo
        >= 0xA960 and <= 0xA97F => TextScript.Hangul, // Hangul jamo extended A
        >= 0xAC00 and <= 0xD7FF => TextScript.Hangul, // Hangul syllables, jamo extended B
        >= 0x2E80 and <= 0x2FDF => TextScript.Cjk, // CJK radicals
        >= 0x3000 and <= 0x30FF => TextScript.Cjk, // CJK punctuation, hiragana, katakana
        >= 0x3190 and <= 0x31FF => TextScript.Cjk, // kanbun, strokes, katakana extensions
        >= 0x3400 and <= 0x4DBF => TextScript.Cjk, // CJK extension A
        >= 0x4E00 and <= 0x9FFF => TextScript.Cjk, // CJK unified ideographs
        >= 0xF900 and <= 0xFAFF => TextScript.Cjk, // CJK compatibility ideographs
        >= 0xFF00 and <= 0xFFEF => TextScript.Cjk, // full-width and half-width forms
        >= 0x20000 and <= 0x3FFFF => TextScript.Cjk, // CJK extensions B and on
        _ => TextScript.Default,
    };

    /// <summary>The runs of a text: consecutive characters that share a font.</summary>
    public static IEnumerable<(string Text, TextScript Script)> Runs(string text)
    {
        var run = new StringBuilder();
        var script = TextScript.Default;
        foreach (var rune in text.EnumerateRunes())
        {
            // Spaces stay in the run they are in, so "王 小明" and "김 민준" are one run each.
            var next = rune.Value == ' ' ? script : ScriptOf(rune);
            if (run.Length > 0 && next != script)
            {
                yield return (run.ToString(), script);
                run.Clear();
            }

            script = next;
            run.Append(rune.ToString());
        }

        if (run.Length > 0)
        {
            yield return (run.ToString(), script);
        }
    }

    public static double Width(XGraphics gfx, string text, XFont font) =>
        Runs(text).Sum(run => gfx.MeasureString(run.Text, FontFor(run.Script, font)).Width);

    /// <summary>Draws one line centred in the box, its runs side by side on the primary font's baseline.</summary>
    public static void DrawCentered(XGraphics gfx, string line, XFont font, XBrush brush, XRect box)
    {
        var x = box.X + ((box.Width - Width(gfx, line, font)) / 2);
        var baseline = box.Y + (font.GetHeight() * font.CellAscent / font.CellSpace);
        foreach (var (text, script) in Runs(line))
        {
            var runFont = FontFor(script, font);
            gfx.DrawString(text, runFont, brush, x, baseline, XStringFormats.BaseLineLeft);
            x += gfx.MeasureString(text, runFont).Width;
        }
    }

    private static XFont FontFor(TextScript script, XFont font) =>
        script == TextScript.Default ? font : Fallbacks.GetOrAdd((script, font.Size, font.Bold), static key => new XFont(
            key.Script == TextScript.Hangul ? CertificateFonts.Hangul : CertificateFonts.Fallback, key.Size,
            key.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode));
}
