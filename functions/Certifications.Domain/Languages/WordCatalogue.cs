using System.Resources;

namespace Certifications.Domain.Languages;

/// <summary>One catalogue of the product's words (a .resx per language), read in the language asked for, English where it has no word.</summary>
public sealed class WordCatalogue(string name)
{
    public ResourceManager Resources { get; } = new($"Certifications.Domain.Languages.{name}", typeof(WordCatalogue).Assembly);

    public string Get(string key, string? language) =>
        Resources.GetString(key, ProductLanguages.Culture(language))
        ?? throw new InvalidOperationException($"The word {key} is missing from the neutral {name} catalogue.");

    public string Format(string key, string? language, params object[] values) =>
        string.Format(ProductLanguages.Culture(language), Get(key, language), values);

    /// <summary>A date in the language's culture after the pattern the catalogue keeps under <paramref name="patternKey"/>.</summary>
    public string Date(DateTimeOffset date, string patternKey, string? language, TimeZoneInfo? zone = null) =>
        (zone is null ? date.UtcDateTime : TimeZoneInfo.ConvertTime(date, zone).DateTime)
            .ToString(Get(patternKey, language), ProductLanguages.Culture(language));
}
