using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Certifications.Domain.Certificates;
using Certifications.Domain.Languages;

namespace Certifications.Domain.Tests;

public sealed partial class LanguageCatalogueTests
{
    public static TheoryData<string> Shipped() => [.. ProductLanguages.Shipped];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_shipped_language_has_every_word_of_the_certificate_and_the_mails_with_the_same_placeholders(string language)
    {
        foreach (var catalogue in new[] { CertificateWords.Resources, MailWords.Resources })
        {
            var neutral = Entries(catalogue, CultureInfo.InvariantCulture);
            // English is the neutral catalogue itself.
            var own = Entries(catalogue, language == ProductLanguages.Default ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language));

            Assert.NotEmpty(neutral);
            Assert.All(neutral, entry =>
            {
                Assert.True(own.TryGetValue(entry.Key, out var translated), $"{language} lacks {entry.Key}");
                Assert.False(string.IsNullOrWhiteSpace(translated));
                Assert.Equal(Placeholders(entry.Value), Placeholders(translated));
            });
        }
    }

    [Theory]
    [InlineData("en", "3 March 2026")]
    [InlineData("fr", "3 mars 2026")]
    [InlineData("de", "3. März 2026")]
    [InlineData("es", "3 de marzo de 2026")]
    [InlineData("ja", "2026年3月3日")]
    [InlineData("zh-Hans", "2026年3月3日")]
    [InlineData("ko", "2026년 3월 3일")]
    [InlineData("ar", "3 مارس 2026")]
    [InlineData("ar-SA", "3 مارس 2026")]
    [InlineData("pt-BR", "3 de março de 2026")]
    [InlineData("sw", "3 Machi 2026")]
    public void A_certificates_date_is_written_the_way_its_language_writes_it_in_the_gregorian_calendar(string language, string expected)
    {
        Assert.Equal(expected, CertificateWording.Date(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), language));
    }

    [Theory]
    [InlineData("fr", true)]
    [InlineData("pt-BR", true)]
    [InlineData("zh-Hans", true)]
    [InlineData("ar-EG", true)]
    [InlineData("xx-nope", false)]
    [InlineData("", false)]
    [InlineData("fr/../..", false)]
    [InlineData("en\u202E", false)]
    public void Only_tags_icu_knows_are_languages(string tag, bool known)
    {
        Assert.Equal(known, ProductLanguages.IsKnown(tag));
    }

    [Theory]
    [InlineData("ar", true)]
    [InlineData("he", true)]
    [InlineData("fa", true)]
    [InlineData("hi", false)]
    [InlineData("en", false)]
    public void Arabic_hebrew_and_persian_read_right_to_left(string language, bool rightToLeft)
    {
        Assert.Equal(rightToLeft, ProductLanguages.IsRightToLeft(language));
    }

    private static Dictionary<string, string> Entries(ResourceManager catalogue, CultureInfo culture) =>
        catalogue.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}|\{\{\w+\}\}")]
    private static partial Regex Placeholder();
}
