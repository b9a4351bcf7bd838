using System.Collections.Concurrent;
using System.Globalization;
using Certifications.Domain.Common;

namespace Certifications.Domain.Languages;

/// <summary>
/// The languages the product speaks (its own words on certificates, in e-mails and invitations) and how a BCP 47 tag
/// becomes the culture that formats dates and numbers. A tag of another language is accepted (a name or a design may be
/// in any language); its words fall back to the nearest shipped one, then to English.
/// </summary>
public static class ProductLanguages
{
    public const string Default = "en";

    /// <summary>Every language whose words are complete; a test fails on a missing key in any of them.</summary>
    public static IReadOnlyList<string> Shipped { get; } = ["en", "fr", "de", "es", "pt", "ja", "zh-Hans", "ko", "ar", "he", "hi"];

    /// <summary>Whether the tag names a language and region ICU knows (for example "fr", "pt-BR", "zh-Hans", "ar-EG").</summary>
    public static bool IsKnown(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35)
        {
            return false;
        }

        try
        {
            return CultureInfo.GetCultureInfo(tag, predefinedOnly: true) is { Name.Length: > 0 };
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The tag's culture with the Gregorian calendar (the one certificates' and sessions' dates are counted in), made once per tag:
    /// every word and date of a message asks for it.
    /// </summary>
    public static CultureInfo Culture(string? tag) => Cultures.GetOrAdd(tag ?? Default, Gregorian);

    private static CultureInfo Gregorian(string tag)
    {
        var culture = IsKnown(tag) ? CultureInfo.GetCultureInfo(tag!) : CultureInfo.GetCultureInfo(Default);
        if (culture.Calendar is GregorianCalendar)
        {
            return culture;
        }

        var gregorian = (CultureInfo)culture.Clone();
        gregorian.DateTimeFormat.Calendar = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() ?? new GregorianCalendar();
        return CultureInfo.ReadOnly(gregorian);
    }

    /// <summary>A tag as given (canonical), the current one when absent, or an error on the field when ICU does not know it.</summary>
    public static string Validate(FieldErrors errors, string field, string? tag, string current)
    {
        if (tag is null)
        {
            return current;
        }

        if (!IsKnown(tag.Trim()))
        {
            errors.Add(field, "must be a language tag such as en, fr, pt-BR, zh-Hans or ar.");
            return current;
        }

        return Canonical(tag.Trim());
    }

    /// <summary>The canonical form of a known tag ("PT-br" is "pt-BR").</summary>
    public static string Canonical(string tag) => CultureInfo.GetCultureInfo(tag, predefinedOnly: true).Name;

    public static bool IsRightToLeft(string? tag) => Culture(tag).TextInfo.IsRightToLeft;
}
