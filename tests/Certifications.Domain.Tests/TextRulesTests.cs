using Certifications.Domain.Common;
using Certifications.Domain.Enrollments;

namespace Certifications.Domain.Tests;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Ada\u202EnimdA")] // right-to-left override
    [InlineData("Ada\u202Bx")] // right-to-left embedding
    [InlineData("Ada\u2066x\u2069")] // left-to-right isolate
    [InlineData("Ada\u2067x")] // right-to-left isolate
    [InlineData("Ada\u200BAdmin")] // zero-width space
    [InlineData("\uFEFFAda")] // byte-order mark
    [InlineData("Ada\u0007")] // bell
    public void A_name_with_a_control_or_invisible_formatting_character_is_refused(string name)
    {
        var errors = new FieldErrors();

        errors.RequireText("displayName", name, 200);

        Assert.True(errors.Any);
    }

    [Theory]
    [InlineData("می\u200Cخواهم")] // Persian needs the zero-width non-joiner
    [InlineData("👩\u200D💻 Ada")] // an emoji sequence needs the zero-width joiner
    [InlineData("שרה \u200Fכהן")] // a right-to-left mark reorders nothing
    [InlineData("Zoë Ångström-Núñez")]
    [InlineData("محمد عبد الله")]
    public void Names_in_every_script_keep_the_joiners_and_marks_they_need(string name)
    {
        var errors = new FieldErrors();

        Assert.Equal(name, errors.RequireText("displayName", name, 200));
        Assert.False(errors.Any);
    }

    [Fact]
    public void A_file_name_that_hides_its_extension_behind_a_right_to_left_override_is_refused() =>
        Assert.Contains("right-to-left override", EvidenceFile.Refuses("quarterly-report\u202Efdp.exe"), StringComparison.Ordinal);

    [Fact]
    public void A_message_quotes_at_most_an_excerpt_of_what_was_sent() =>
        Assert.Equal(81, TextRules.Excerpt(new string('x', 2_000_000)).Length);
}
