using Certifications.Domain.People;

namespace Certifications.Domain.Tests;

/// <summary>People are listed by name as a reader expects, whatever the case, accents and spacing.</summary>
public sealed class NameOrderTests
{
    [Theory]
    [InlineData("Zoë Ångström-Núñez", "zoe angstrom-nunez")]
    [InlineData("  ÉLODIE   Martin ", "elodie martin")]
    [InlineData("Łukasz Żółkiewski", "łukasz zołkiewski")] // Ł is a letter of its own, not an L with an accent
    [InlineData("अनन्या क्षत्रिय", "अनन्या क्षत्रिय")] // Devanagari's vowel signs stay
    [InlineData("فاطمة\u200F الزهراء", "فاطمة الزهراء")] // a bidi mark does not decide the order
    [InlineData("山田\t花子", "山田 花子")]
    public void A_name_sorts_by_its_letters_without_case_or_accents(string name, string sortText) =>
        Assert.Equal(sortText, NameOrder.SortText(name));

    [Fact]
    public void People_are_listed_as_a_reader_expects()
    {
        string[] names = ["Zoë Ångström-Núñez", "ada Admin", "Émile Zola", "Carla Coach", "山田 花子", "Ångström, Anders", "Bob"];

        var ordered = names.OrderBy(NameOrder.SortText, StringComparer.Ordinal).ToArray();

        Assert.Equal(["ada Admin", "Ångström, Anders", "Bob", "Carla Coach", "Émile Zola", "Zoë Ångström-Núñez", "山田 花子"], ordered);
    }

    [Fact]
    public void Only_the_start_of_a_very_long_name_decides()
    {
        var longName = new string('x', 300);
        Assert.Equal(NameOrder.SignificantLength, NameOrder.SortText(longName).Length);
    }
}
