using System.Resources;

namespace Certifications.Domain.Languages;

/// <summary>The words of the product's e-mails and calendar invitations, per language (MailWords.*.resx), keyed by their English names.</summary>
public static class MailWords
{
    private static readonly WordCatalogue Catalogue = new(nameof(MailWords));

    public static ResourceManager Resources => Catalogue.Resources;

    public static string Get(string key, string? language) => Catalogue.Get(key, language);

    public static string Format(string key, string? language, params object[] values) => Catalogue.Format(key, language, values);

    /// <summary>
    /// A date with its weekday, as the language writes it in a sentence ("Monday 7 December 2026", "2026年12月7日月曜日"):
    /// the day of the UTC calendar unless a zone is given (a session at 01:00 in Tokyo is on the day before in UTC).
    /// </summary>
    public static string LongDate(DateTimeOffset date, string? language, TimeZoneInfo? zone = null) =>
        Catalogue.Date(date, "LongDatePattern", language, zone);
}
