using Certifications.Functions.Reports;

namespace Certifications.Functions.Tests.Reports;

/// <summary>A report's file name keeps the certification's title readable, in any script.</summary>
public sealed class ReportNameTests
{
    [Theory]
    [InlineData("Négociation avancée", "négociation-avancée")]
    [InlineData("Gesprächsführung — 对话练习", "gesprächsführung-对话练习")]
    [InlineData("हिन्दी संवाद", "हिन्दी-संवाद")]
    [InlineData("SAFe® / Agile #1?", "safe-agile-1")]
    [InlineData("«—» 😀", "certification")]
    public void A_title_becomes_its_words_joined_by_hyphens_with_their_accents(string title, string slug) =>
        Assert.Equal(slug, CriteriaProgressCsv.Slug(title));

    [Fact]
    public void A_long_title_is_cut_at_80_characters_without_splitting_a_character()
    {
        var slug = CriteriaProgressCsv.Slug(string.Concat(Enumerable.Repeat("𠀀a", 60)));

        Assert.True(slug.Length <= 80);
        Assert.False(char.IsHighSurrogate(slug[^1]));
    }
}
