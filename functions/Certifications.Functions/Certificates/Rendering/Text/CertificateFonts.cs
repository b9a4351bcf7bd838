using System.Text;

namespace Certifications.Functions.Certificates.Rendering.Text;

/// <summary>The ways certificate text is set: the heading and the learner's name, other bold serif, plain serif, and the body's sans.</summary>
public enum TextStyle
{
    /// <summary>Bold serif, or the organization's own heading font where it has the glyph.</summary>
    Heading,
    Serif,
    SerifBold,
    Sans,
}

/// <summary>
/// The fonts certificates are drawn with, shipped inside the assembly (see Fonts/LICENSE.txt), loaded once per process:
/// Linux and Azure have no system fonts to fall back on. DejaVu sets Latin, Greek and Cyrillic; Noto sets Arabic
/// (Naskh), Hebrew, Devanagari, Bengali, Tamil and Thai; Droid Sans Fallback Chinese and Japanese; Nanum Square Korean.
/// Skia embeds only the glyphs a certificate uses, so a Latin certificate carries no Arabic.
/// </summary>
public static class CertificateFonts
{
    private static readonly Lazy<IReadOnlyDictionary<(TextScript, TextStyle), FontFace>> Table = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The face a character is set in, by its script: what a design's text, a name or a title needs.</summary>
    public static FontFace For(TextScript script, TextStyle style) => Table.Value[(script, style)];

    /// <summary>Every face a style falls back through, its script's own first: for a character no script claims.</summary>
    public static IEnumerable<FontFace> Fallbacks(TextStyle style) => Enum.GetValues<TextScript>().Select(script => For(script, style));

    /// <summary>The face for a character: its script's, else the first that has it, else the style's default (a missing glyph box).</summary>
    public static FontFace For(Rune rune, TextStyle style)
    {
        var own = For(TextScripts.Of(rune), style);
        return own.Has(rune.Value) ? own : Fallbacks(style).FirstOrDefault(f => f.Has(rune.Value), own);
    }

    private static Dictionary<(TextScript, TextStyle), FontFace> Load()
    {
        var faces = new Dictionary<string, FontFace>(StringComparer.Ordinal);
        FontFace Face(string name)
        {
            if (!faces.TryGetValue(name, out var face))
            {
                using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream($"Certifications.Fonts.{name}.ttf")
                    ?? throw new InvalidOperationException($"The font {name} is not embedded in the app.");
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                faces[name] = face = FontFace.Load(name, copy.ToArray());
            }

            return face;
        }

        var table = new Dictionary<(TextScript, TextStyle), FontFace>();
        void Set(TextScript script, string regular, string bold, string? serif = null)
        {
            table[(script, TextStyle.Sans)] = Face(regular);
            table[(script, TextStyle.Serif)] = Face(serif ?? regular);
            table[(script, TextStyle.SerifBold)] = Face(bold);
            table[(script, TextStyle.Heading)] = Face(bold);
        }

        Set(TextScript.Latin, "DejaVuSans", "DejaVuSerif-Bold", serif: "DejaVuSerif");
        Set(TextScript.Arabic, "NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold");
        Set(TextScript.Hebrew, "NotoSansHebrew-Regular", "NotoSansHebrew-Bold");
        Set(TextScript.Devanagari, "NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold");
        Set(TextScript.Bengali, "NotoSansBengali-Regular", "NotoSansBengali-Bold");
        Set(TextScript.Tamil, "NotoSansTamil-Regular", "NotoSansTamil-Bold");
        Set(TextScript.Thai, "NotoSansThai-Regular", "NotoSansThai-Bold");
        // No bold of their own. Skia's synthetic bold would turn the text into Type 3 outlines in the PDF; regular it stays text.
        Set(TextScript.Cjk, "DroidSansFallbackFull", "DroidSansFallbackFull");
        Set(TextScript.Hangul, "NanumSquareR", "NanumSquareR");
        return table;
    }
}
