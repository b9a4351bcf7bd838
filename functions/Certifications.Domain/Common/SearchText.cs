using System.Collections.Frozen;

namespace Certifications.Domain.Common;

/// <summary>
/// Text as a search compares it: Latin letters without their accents, so "zoe nunez" finds "Zoë Núñez". The app runs with invariant
/// globalization (no ICU), where string.Normalize cannot take accents off, hence this table of the accented Latin letters names use.
/// </summary>
public static class SearchText
{
    public const int MaxLength = 100;

    /// <summary>What a search box refuses, said after the field's name.</summary>
    public const string Rule = "must be one line of at most 100 characters.";

    private static readonly FrozenDictionary<char, char> Bases = new (string Base, string Accented)[]
    {
        ("A", "ÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦ"),
        ("C", "ÇĆĈĊČ"),
        ("D", "ĎĐ"),
        ("E", "ÈÉÊËĒĔĖĘĚȄȆȨ"),
        ("G", "ĜĞĠĢǦǴ"),
        ("H", "ĤȞ"),
        ("I", "ÌÍÎÏĨĪĬĮİǏȈȊ"),
        ("J", "Ĵ"),
        ("K", "ĶǨ"),
        ("L", "ĹĻĽŁ"),
        ("N", "ÑŃŅŇǸ"),
        ("O", "ÒÓÔÕÖŌŎŐƠǑǪǬȌȎȪȬȮȰØ"),
        ("R", "ŔŖŘȐȒ"),
        ("S", "ŚŜŞŠȘ"),
        ("T", "ŢŤȚ"),
        ("U", "ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖ"),
        ("W", "Ŵ"),
        ("Y", "ÝŶŸȲ"),
        ("Z", "ŹŻŽ"),
        ("a", "àáâãäåāăąǎǟǡǻȁȃȧ"),
        ("c", "çćĉċč"),
        ("d", "ďđ"),
        ("e", "èéêëēĕėęěȅȇȩ"),
        ("g", "ĝğġģǧǵ"),
        ("h", "ĥȟ"),
        ("i", "ìíîïĩīĭįǐȉȋı"),
        ("j", "ĵǰ"),
        ("k", "ķǩ"),
        ("l", "ĺļľł"),
        ("n", "ñńņňǹ"),
        ("o", "òóôõöōŏőơǒǫǭȍȏȫȭȯȱø"),
        ("r", "ŕŗřȑȓ"),
        ("s", "śŝşšș"),
        ("t", "ţťț"),
        ("u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗ"),
        ("w", "ŵ"),
        ("y", "ýÿŷȳ"),
        ("z", "źżž"),
    }.SelectMany(row => row.Accented.Select(c => KeyValuePair.Create(c, row.Base[0]))).ToFrozenDictionary();

    /// <summary>The text with accented Latin letters replaced by their base letter; every other character is kept.</summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Bases.TryGetValue(source[i], out var plain) ? plain : source[i];
        }
    });

    /// <summary>Whether a search as typed is one the API takes.</summary>
    public static bool IsAcceptable(string search) => search.Length <= MaxLength && TextRules.IsSingleLine(search);

    /// <summary>Whether the text holds the part, ignoring case and accents.</summary>
    public static bool Contains(string text, string part) => Fold(text).Contains(Fold(part), StringComparison.OrdinalIgnoreCase);
}
