using System.Collections.Concurrent;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Certifications.Functions.Certificates.Rendering;

/// <summary>
/// Text in the certificate's fonts with Chinese and Japanese drawn in the fallback font: DejaVu has no glyphs for them and
/// PDFsharp does not fall back by itself. A line is cut into runs by script, each measured and drawn in its own font.
/// </summary>
public static class MixedText
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly ConcurrentDictionary<(double Size, bool Bold), XFont> Fallbacks = new();

    /// <summary>Whether a character is drawn with the fallback font: the CJK blocks, kana, and full-width forms.</summary>
    public static bool NeedsFallback(Rune rune) => rune.Value switch
    {
        >= 0x2E80 and <= 0x2FDF => true, // CJK radicals
        >= 0x3000 and <= 0x30FF => true, // CJK punctuation, hiragana, katakana
        >= 0x3190 and <= 0x31FF => true, // kanbun, strokes, katakana extensions
        >= 0x3400 and <= 0x4DBF => true, // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK unified ideographs
        >= 0xF900 and <= 0xFAFF => true, // CJK compatibility ideographs
        >= 0xFF00 and <= 0xFFEF => true, // full-width and half-width forms
        >= 0x20000 and <= 0x3FFFF => true, // CJK extensions B and on
        _ => false,
    };

    /// <summary>The runs of a text: consecutive characters that share a font.</summary>
    public static IEnumerable<(string Text, bool Fallback)> Runs(string text)
    {
        var run = new StringBuilder();
        var fallback = false;
        foreach (var rune in text.EnumerateRunes())
        {
            // Spaces and other neutral characters stay in the run they are in, so "王 小明" is one run.
            var needs = rune.Value == ' ' ? fallback : NeedsFallback(rune);
            if (run.Length > 0 && needs != fallback)
            {
                yield return (run.ToString(), fallback);
                run.Clear();
            }

            fallback = needs;
            run.Append(rune.ToString());
        }

        if (run.Length > 0)
        {
            yield return (run.ToString(), fallback);
        }
    }

    public static double Width(XGraphics gfx, string text, XFont font) =>
        Runs(text).Sum(run => gfx.MeasureString(run.Text, FontFor(run.Fallback, font)).Width);

    /// <summary>Draws one line centred in the box, its runs side by side on the primary font's baseline.</summary>
    public static void DrawCentered(XGraphics gfx, string line, XFont font, XBrush brush, XRect box)
    {
        var x = box.X + ((box.Width - Width(gfx, line, font)) / 2);
        var baseline = box.Y + (font.GetHeight() * font.CellAscent / font.CellSpace);
        foreach (var (text, fallback) in Runs(line))
        {
            var runFont = FontFor(fallback, font);
            gfx.DrawString(text, runFont, brush, x, baseline, XStringFormats.BaseLineLeft);
            x += gfx.MeasureString(text, runFont).Width;
        }
    }

    private static XFont FontFor(bool fallback, XFont font) =>
        !fallback ? font : Fallbacks.GetOrAdd((font.Size, font.Bold), static key => new XFont(
            CertificateFonts.Fallback, key.Size, key.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode));
}
