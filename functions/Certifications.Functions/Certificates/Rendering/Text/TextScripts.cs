using System.Text;

namespace Certifications.Functions.Certificates.Rendering.Text;

/// <summary>The scripts the bundled fonts cover, each set in its own face.</summary>
public enum TextScript
{
    /// <summary>Latin, Greek, Cyrillic and whatever else DejaVu has; also where characters of no script go.</summary>
    Latin,
    Arabic,
    Hebrew,
    Devanagari,
    Bengali,
    Tamil,
    Thai,

    /// <summary>Chinese and Japanese (Han, kana, CJK punctuation and full-width forms).</summary>
    Cjk,
    Hangul,
}

/// <summary>Which script's face a character belongs in, by the Unicode blocks of each script.</summary>
public static class TextScripts
{
    public static TextScript Of(Rune rune) => rune.Value switch
    {
        >= 0x0590 and <= 0x05FF or >= 0xFB1D and <= 0xFB4F => TextScript.Hebrew,
        >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F or >= 0x0870 and <= 0x08FF => TextScript.Arabic,
        >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF => TextScript.Arabic, // presentation forms
        >= 0x0900 and <= 0x097F or >= 0xA8E0 and <= 0xA8FF => TextScript.Devanagari,
        >= 0x0980 and <= 0x09FF => TextScript.Bengali,
        >= 0x0B80 and <= 0x0BFF => TextScript.Tamil,
        >= 0x0E00 and <= 0x0E7F => TextScript.Thai,
        >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F or >= 0xA960 and <= 0xA97F or >= 0xAC00 and <= 0xD7FF => TextScript.Hangul,
        >= 0x2E80 and <= 0x2FDF or >= 0x3000 and <= 0x30FF or >= 0x3190 and <= 0x31FF => TextScript.Cjk,
        >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF => TextScript.Cjk,
        >= 0xFF00 and <= 0xFFEF or >= 0x20000 and <= 0x3FFFF => TextScript.Cjk,
        _ => TextScript.Latin,
    };

    /// <summary>
    /// Characters that belong to no script (spaces, digits, punctuation, symbols) and marks that belong to the letter before
    /// them: they stay in the face of the text around them, so "فاطمة 2026" is one run in the Arabic face.
    /// </summary>
    public static bool Follows(Rune rune) => !Rune.IsLetter(rune);
}
