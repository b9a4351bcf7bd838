using System.Globalization;
using System.Text;

namespace Certifications.Domain.People;

/// <summary>
/// The order people are listed in: by display name, ignoring case and accents ("Ångström" with the A's, "zoë" with
/// "Zoe"), names in other scripts after Latin in their own alphabetical order by code point.
/// </summary>
public static class NameOrder
{
    /// <summary>How much of a name decides its place: two names alike for this long are ordered by when they were added.</summary>
    public const int SignificantLength = 64;

    /// <summary>The text a name sorts by: lowercase, without accents, with runs of spaces as one.</summary>
    public static string SortText(string displayName)
    {
        var decomposed = displayName.Trim().Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark && rune.Value < 0x0370)
            {
                // Latin's combining accents (U+0300–036F) only; marks of other scripts (Devanagari's vowel signs) are letters there.
                continue;
            }

            if (Rune.IsWhiteSpace(rune) || category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                space = text.Length > 0;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(Rune.ToLowerInvariant(rune).ToString());
            if (text.Length >= SignificantLength)
            {
                break;
            }
        }

        return text.ToString().Normalize(NormalizationForm.FormC);
    }
}
