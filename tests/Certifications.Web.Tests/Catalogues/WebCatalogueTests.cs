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
                Assert.False(string.IsNullOrWhiteSpace(messages[entry.Key]), $"{language} {entry.Key}");
                Assert.Equal(Arguments(entry.Value), Arguments(messages[entry.Key]));
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

    // The names of an ICU message's plain arguments ({title}, {list}). A plural's selector may go where the language has no plurals.
    private static string[] Arguments(string message) =>
        [.. Argument().Matches(message).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"shippedLanguages = \[(.*?)\]", RegexOptions.Singleline)]
    private static partial Regex ShippedList();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Argument();
}
