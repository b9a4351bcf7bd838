using System.Resources;

namespace Certifications.Domain.Languages;

/// <summary>The words of the product's e-mails and calendar invitations, per language (MailWords.*.resx), keyed by their English names.</summary>
public static class MailWords
{
    public static ResourceManager Resources { get; } = new("Certifications.Domain.Languages.MailWords", typeof(MailWords).Assembly);

    public static string Get(string key, string? language) =>
        Resources.GetString(key, ProductLanguages.Culture(language))
        ?? throw new InvalidOperationException($"The mail word {key} is missing from the neutral catalogue.");

    public static string Format(string key, string? language, params object[] values) =>
        string.Format(ProductLanguages.Culture(language), Get(key, language), values);

    /// <summary>A date with its weekday, as the language writes it in a sentence ("Monday 7 December 2026", "2026年12月7日月曜日").</summary>
    public static string LongDate(DateTimeOffset date, string? language) =>
        date.UtcDateTime.ToString(Get("LongDatePattern", language), ProductLanguages.Culture(language));
}
