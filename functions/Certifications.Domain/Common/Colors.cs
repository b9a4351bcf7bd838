using System.Text.RegularExpressions;

namespace Certifications.Domain.Common;

/// <summary>Colours are #RRGGBB: the one form every renderer, browser and PDF, reads the same.</summary>
public static partial class Colors
{
    public static string Validate(FieldErrors errors, string field, string? color)
    {
        if (color is null || !HexColor().IsMatch(color))
        {
            errors.Add(field, "must be a colour in the form #RRGGBB.");
            return color ?? string.Empty;
        }

        return color.ToUpperInvariant();
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();
}
