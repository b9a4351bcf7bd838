using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Certifications.DevHost;

namespace Certifications.Web.Tests.Catalogues;

/// <summary>The web app's message catalogues: every shipped language has every message, with the same placeholders.</summary>
public sealed partial class WebCatalogueTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Find(), "web", "src", "i18n");

    [Fact]
    public void Every_shipped_language_has_a_catalogue_with_every_message_and_its_placeholders()
    {
        var english = Read("en");
        var shipped = ShippedLanguages();

        Assert.Equal(
            shipped.Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(Folder, "messages"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        foreach (var language in shipped)
        {
            var messages = Read(language);
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), messages.Keys.Order(StringComparer.Ordinal));
            Assert.All(english, entry =>
            {
                var translated = messages[entry.Key];
                Assert.False(string.IsNullOrWhiteSpace(translated), $"{language} {entry.Key}");

                // Every value English shows is shown; a plural's selector may go where the language has no plurals.
                var (values, selectors) = (Plain(entry.Value), Selectors(entry.Value));
                var used = Plain(translated).Concat(Selectors(translated)).ToHashSet(StringComparer.Ordinal);
                Assert.True(values.All(used.Contains), $"{language} {entry.Key} leaves out one of {string.Join(", ", values)}");
                Assert.True(used.All(n => values.Contains(n) || selectors.Contains(n)), $"{language} {entry.Key} names a value English has not");
            });
        }
    }

    private static Dictionary<string, string> Read(string language) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "messages", language + ".json")))!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);

    private static string[] ShippedLanguages()
    {
        var source = File.ReadAllText(Path.Combine(Folder, "languages.ts"));
        var list = ShippedList().Match(source).Groups[1].Value;
        return [.. Quoted().Matches(list).Select(m => m.Groups[1].Value)];
    }

    // The values an ICU message shows ({title}, {met}) and those that only choose a plural form ({count, plural, ...}).
    private static string[] Plain(string message) => [.. Argument().Matches(message).Select(m => m.Groups[1].Value).Distinct()];

    private static string[] Selectors(string message) => [.. Selector().Matches(message).Select(m => m.Groups[1].Value).Distinct()];

    [GeneratedRegex(@"shippedLanguages = \[(.*?)\]", RegexOptions.Singleline)]
    private static partial Regex ShippedList();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    // A placeholder is an identifier in braces; braces after a plural category ("one {…}") hold a branch's words, not a value.
    // The category is a word of its own: German's "Zeitzone {zone}" ends in "one" and is a value all the same.
    [GeneratedRegex(@"(?<!(?:^|[\s{}])(?:zero|one|two|few|many|other|=\d+)\s*)\{([A-Za-z_]\w*)\}")]
    private static partial Regex Argument();

    [GeneratedRegex(@"\{(\w+),\s*(?:plural|select)")]
    private static partial Regex Selector();
}
