using Certifications.Domain.Catalog;

namespace Certifications.Domain.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void Placeholders_are_found_in_order_with_their_names_trimmed()
    {
        var found = Placeholder.In("Dear {{ learner }}, {{certification}} {{date}}").ToArray();

        Assert.Equal(["learner", "certification", "date"], found.Select(p => p.Name));
        Assert.Equal(5, found[0].Index);
        Assert.Equal("{{ learner }}".Length, found[0].Length);
    }

    [Theory]
    [InlineData("{{learner}", 0)]
    [InlineData("{{ learner } }}", 0)]
    [InlineData("{learner}}", 0)]
    [InlineData("{{{x}}", 1)]
    [InlineData("{{a}} {{b} {{c}}", 2)]
    public void Only_doubled_braces_around_a_name_without_a_brace_count(string text, int count) =>
        Assert.Equal(count, Placeholder.In(text).Count());

    [Fact]
    public void Filling_replaces_known_names_and_leaves_the_rest_as_written() =>
        Assert.Equal("Hi Zoë, {{grade}}!", Placeholder.Fill("Hi {{ learner }}, {{grade}}!", n => n == "learner" ? "Zoë" : null));

    [Fact]
    public async Task Pathological_text_is_scanned_in_one_pass()
    {
        // A backtracking pattern took 73 s of CPU on 4,000 spaces; these are a hundred times longer.
        var spaces = "{{" + new string(' ', 400_000);
        var braces = string.Concat(Enumerable.Repeat("{{ ", 100_000)) + "}";
        var scan = Task.Run(() => Placeholder.In(spaces).Count() + Placeholder.In(braces).Count());

        Assert.Equal(0, await scan.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_heading_of_braces_and_thousands_of_spaces_is_refused_for_its_length()
    {
        var input = new CertificateDesignInput
        {
            Heading = "{{" + new string(' ', 8000) + "x",
            Body = "{{learner}}",
            PrimaryColor = "#000000",
            AccentColor = "#000000",
        };

        var error = input.Validate(CertificateDesign.Default).Error!;

        Assert.Contains("at most", Assert.Single(error.Fields!["heading"]), StringComparison.Ordinal);
    }
}
